/**
 * The shared kernel: small immutable value types that every module speaks (phone numbers in E.164,
 * call and attempt identifiers). No Spring, no I/O.
 */
package io.contactcenter.common;
