-- Customer messages from email/SMS gateways (ADR 0027): each gateway message id is taken once, so
-- a gateway's retry adds nothing. No foreign key on the ticket asked for: an unknown ticket is a
-- 404 and rolls the row back with the rest.
CREATE TABLE ticket_inbound_message (
    gateway           varchar(100) NOT NULL,
    message_id        varchar(100) NOT NULL,
    ticket_id         varchar(40)  NOT NULL,
    -- The ticket the message reached: the one asked for, or a follow-up of it when it was closed.
    reached_ticket_id varchar(40),
    received_at       timestamptz  NOT NULL,
    PRIMARY KEY (gateway, message_id)
);
