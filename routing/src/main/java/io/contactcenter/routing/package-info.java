/** Routes calls and chats to agents by skill, presence and queue. */
package io.contactcenter.routing;
