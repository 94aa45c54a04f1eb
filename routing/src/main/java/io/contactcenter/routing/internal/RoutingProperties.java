package io.contactcenter.routing.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the ACD, under {@code cc.routing}.
 *
 * @param ringTimeout how long an offer rings before the agent is set not ready and the contact goes
 *     back to its place
 * @param passInterval how often a routing pass runs besides the one after each event (routing steps
 *     widen and wrap-ups end as time passes)
 * @param vipWeight priority a VIP customer's contact gets over others (voice +10, chat +5, ticket
 *     +0 and the queue's weight are added)
 * @param announceEvery how often a waiting caller hears the position, the expected wait and the
 *     callback offer, between stretches of music on hold; 0 turns the announcements off
 * @param averageHandleTime the handle time per contact the expected wait assumes until this
 *     instance has seen contacts completed (then their moving average)
 * @param callbackAttempts how many times a customer who asked for a callback is called at most (the
 *     customer does not answer, is busy or cannot be reached), then the callback is given up
 * @param callbackRetryInterval from an unanswered callback attempt to the next; a next attempt that
 *     falls outside the queue's opening hours moves to its next opening
 * @param callbackRingTimeout how long the customer's phone rings for a callback before the attempt
 *     counts as not answered
 * @param queueRefresh how often an instance compares its queues with the stored ones, making up for
 *     a change announcement it missed (changes normally arrive at once over Redis)
 * @param lead whether this instance may route; one instance at a time does (ADR 0030), the others
 *     forward the routing API to it. False for an instance that should only serve (it never takes
 *     over)
 * @param leaderCheck how often the routing instance checks that it still leads, and the others try
 *     to take over and learn which instance leads: a failover takes at most about this long
 * @param forwardTimeout how long an instance that does not route waits for the routing instance's
 *     answer to a forwarded call before it fails
 * @param clickToCallCallerId the number a customer sees when an agent calls from the workspace
 *     (digits with an optional leading '+')
 * @param takeoverAsteriskWait how long a take-over (an instance's start, a failover) waits for the
 *     Asterisk manager connection while it is being made, to learn which calls are up: the calls on
 *     hold are kept only when Asterisk can say so (ADR 0043). Not waited for when Asterisk was
 *     found unreachable; routing (chats and tickets too) starts once the wait ends
 * @param clickToCallInterval the least time between two calls one agent places from the workspace
 *     (0: no limit); the agent's phone rings for {@code ringTimeout}, the customer's for {@code
 *     callbackRingTimeout}
 */
@Validated
@ConfigurationProperties("cc.routing")
public record RoutingProperties(
    @NotNull @DefaultValue("20s") Duration ringTimeout,
    @NotNull @DefaultValue("500ms") Duration passInterval,
    @Min(0) @DefaultValue("100") int vipWeight,
    @NotNull @DefaultValue("30s") Duration announceEvery,
    @NotNull @DefaultValue("3m") Duration averageHandleTime,
    @Min(1) @DefaultValue("3") int callbackAttempts,
    @NotNull @DefaultValue("10m") Duration callbackRetryInterval,
    @NotNull @DefaultValue("45s") Duration callbackRingTimeout,
    @NotNull @DefaultValue("1m") Duration queueRefresh,
    @DefaultValue("true") boolean lead,
    @NotNull @DefaultValue("1s") Duration leaderCheck,
    @NotNull @DefaultValue("5s") Duration forwardTimeout,
    @NotNull @Pattern(regexp = "\\+?[0-9]{1,20}") @DefaultValue("4000") String clickToCallCallerId,
    @NotNull @DefaultValue("5s") Duration clickToCallInterval,
    @NotNull @DefaultValue("15s") Duration takeoverAsteriskWait) {}
