/** Embedded PostgreSQL, Redis and Kafka for running on one machine; used by the launcher. */
@org.springframework.modulith.NamedInterface("embedded")
package io.contactcenter.app.embedded;
