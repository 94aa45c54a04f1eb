package io.contactcenter.ivr.internal.domain;

/** The answer of an order lookup. */
public sealed interface OrderResult {

  record Found(OrderInfo order) implements OrderResult {}

  record NotFound() implements OrderResult {}

  /** The lookup failed (timeout, error, circuit open): the caller hears an apology. */
  record Unavailable(String reason) implements OrderResult {}
}
