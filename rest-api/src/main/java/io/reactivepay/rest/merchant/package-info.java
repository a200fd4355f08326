/**
 * The merchant API's resources under {@code /api/v1}: thin translations of HTTP into calls on the
 * payments module's api. Money-moving answers are the module's receipts, written byte for byte; reads
 * are rendered by {@code PaymentJson} the same way, so a read and a receipt of one object look alike.
 * Arguments are read and checked before a module is called, so a malformed request never reaches one.
 */
package io.reactivepay.rest.merchant;
