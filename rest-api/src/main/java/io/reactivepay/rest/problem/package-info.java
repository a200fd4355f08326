/**
 * Every refusal as an RFC 9457 {@code application/problem+json} document with a stable {@code code}:
 * the API's own ({@code api.*}, {@code auth.*}), the modules' business exceptions by the kind of their
 * code, what JAX-RS refuses, and a last resort that logs an incident and answers 500 without internals.
 */
package io.reactivepay.rest.problem;
