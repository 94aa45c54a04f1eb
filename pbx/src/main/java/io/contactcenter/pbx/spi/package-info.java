/** Extension points: other modules implement {@link io.contactcenter.pbx.spi.CallHandler}. */
@org.springframework.modulith.NamedInterface("spi")
package io.contactcenter.pbx.spi;
