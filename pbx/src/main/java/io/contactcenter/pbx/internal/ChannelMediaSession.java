package io.contactcenter.pbx.internal;

import io.contactcenter.pbx.MediaSession;

/** A media session as its channel session sees it: the channel is busy until it is closed. */
interface ChannelMediaSession extends MediaSession {

  boolean isClosed();
}
