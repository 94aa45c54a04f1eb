-- Chat queues (issue 13): a chat the bot hands over waits in the queue of its language; agents
-- who chat in Chinese have the skill zh, in English en (levels 1-5 as for any skill).
INSERT INTO routing_queue (id, skill, weight, strategy, service_level_seconds) VALUES
    ('chat-zh', 'zh', 0, 'LONGEST_IDLE', 30),
    ('chat-en', 'en', 0, 'LONGEST_IDLE', 30)
ON CONFLICT (id) DO NOTHING;
INSERT INTO routing_queue_step (queue_id, after_seconds, minimum_level, overflow_queue) VALUES
    ('chat-zh', 0, 1, NULL),
    ('chat-en', 0, 1, NULL)
ON CONFLICT (queue_id, after_seconds) DO NOTHING;
