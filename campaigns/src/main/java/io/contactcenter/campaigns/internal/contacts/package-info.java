/**
 * Reads the contact spreadsheets ops upload for an outbound campaign (CSV in UTF-8, UTF-16 or GBK)
 * into typed contacts, one row at a time, with a clear reason for every row it refuses. Pure code:
 * no Spring and no I/O beyond the stream it is given.
 */
package io.contactcenter.campaigns.internal.contacts;
