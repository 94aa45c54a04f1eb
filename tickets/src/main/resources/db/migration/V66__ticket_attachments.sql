-- Photos on tickets (issue 14, ADR 0015): JPEG or PNG as the content showed, metadata removed
-- before storing; the bytes live beside the ticket so a backup of the database holds everything.
CREATE TABLE ticket_attachment (
    attachment_id  varchar(40)  PRIMARY KEY,
    ticket_id      varchar(40)  NOT NULL REFERENCES ticket (ticket_id),
    file_name      varchar(800) NOT NULL,
    content_type   varchar(20)  NOT NULL,
    size           bigint       NOT NULL,
    author         varchar(100) NOT NULL,
    at             timestamptz  NOT NULL,
    content        bytea        NOT NULL
);
CREATE INDEX ticket_attachment_ticket ON ticket_attachment (ticket_id, at);
