/**
 * Extension points of the ACD: {@link io.contactcenter.routing.spi.NumberScreening} tells whether a
 * customer's number may be called by an agent (the application wires it to the campaigns'
 * do-not-call list).
 */
@org.springframework.modulith.NamedInterface("spi")
package io.contactcenter.routing.spi;
