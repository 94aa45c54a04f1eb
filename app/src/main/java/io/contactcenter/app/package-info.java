/**
 * The composition root: security and users, web pages, health, and the embedded infrastructure used
 * when no external PostgreSQL, Redis or Kafka is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application")
package io.contactcenter.app;
