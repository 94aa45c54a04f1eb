/** Event deliveries no instance finished, sent again by one instance of the cluster (ADR 0059). */
package io.contactcenter.app.events;
