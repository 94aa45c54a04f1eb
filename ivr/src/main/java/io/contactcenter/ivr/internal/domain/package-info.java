/**
 * The hotline's flows as data and the engine that walks them: no Spring, no telephony types, no
 * I/O. The engine returns each step as a value; an adapter carries it out on a call.
 */
package io.contactcenter.ivr.internal.domain;
