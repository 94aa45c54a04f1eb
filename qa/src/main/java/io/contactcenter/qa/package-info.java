/**
 * Quality assurance: recordings with transcripts, automatic rule scores for every call, and
 * appeals.
 */
package io.contactcenter.qa;
