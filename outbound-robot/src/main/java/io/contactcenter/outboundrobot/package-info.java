/**
 * The outbound voice robot: runs dialogue scripts on live calls, labels each reply and acts on it.
 */
package io.contactcenter.outboundrobot;
