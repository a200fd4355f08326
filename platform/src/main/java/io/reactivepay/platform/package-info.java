/**
 * The shared kernel of ReactivePay: value types and conventions that every module speaks.
 * <p>
 * It holds no EJBs and no entities, only {@code Money}, error codes and the base business exception,
 * the event envelope that travels through the outbox to Kafka, the schema migrations every ejb module
 * runs at deployment, the JDBC work helper of the modules' boundaries, and the crypto helpers (field
 * encryption under versioned keys, blind indexes). Anything here is in the EAR's {@code lib/} and visible to all modules,
 * so it must stay small and free of business rules.
 */
package io.reactivepay.platform;
