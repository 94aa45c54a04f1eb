package io.contactcenter.routing.internal;

import io.contactcenter.routing.ContactId;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Asterisk channel holding each waiting caller, in Redis ({@code cc:routing:held:<contact>},
 * kept 12 h), so the routing instance can bridge an agent to a call another instance queued.
 */
final class RedisHoldChannels implements VoiceOffers.HoldChannels {

  static final String PREFIX = "cc:routing:held:";
  // Longer than any caller holds on.
  private static final Duration KEPT = Duration.ofHours(12);
  private static final Logger log = LoggerFactory.getLogger(RedisHoldChannels.class);

  private final StringRedisTemplate redis;

  RedisHoldChannels(StringRedisTemplate redis) {
    this.redis = redis;
  }

  @Override
  public void held(ContactId contact, String channel) {
    try {
      redis.opsForValue().set(PREFIX + contact.value(), channel, KEPT);
    } catch (DataAccessException e) {
      // This instance still knows it; only another routing instance could not ring the call.
      log.warn("call {} held, but not shared with other instances: {}", contact, e.getMessage());
    }
  }

  @Override
  public Optional<String> channel(ContactId contact) {
    try {
      return Optional.ofNullable(redis.opsForValue().get(PREFIX + contact.value()));
    } catch (DataAccessException e) {
      log.warn("cannot read where call {} is held: {}", contact, e.getMessage());
      return Optional.empty();
    }
  }
}
