-- The agent's screen pop lists a customer's earlier chats by number (issue 12).
CREATE INDEX chat_conversation_customer_phone ON chat_conversation (customer_phone, created_at)
    WHERE customer_phone IS NOT NULL;
