/**
 * The shared kernel: small immutable value types that every module speaks (phone numbers in E.164,
 * call and attempt identifiers) and the G.711 codec both media modules share. No Spring, no I/O.
 */
package io.contactcenter.common;
