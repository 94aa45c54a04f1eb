/** Web chat: a bot answers the repetitive questions and hands the rest to a human agent. */
package io.contactcenter.onlinechat;
