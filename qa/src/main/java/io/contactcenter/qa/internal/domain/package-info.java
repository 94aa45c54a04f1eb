/**
 * Pure QA logic: tolerant phrase matching, silence, talk-over and speaking-rate measurement, and
 * score cards. No Spring, no I/O.
 */
package io.contactcenter.qa.internal.domain;
