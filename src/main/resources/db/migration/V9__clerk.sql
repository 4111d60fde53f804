-- The outbox page tells who a message is for and whether it really left. Same SQL for H2 (PostgreSQL
-- mode) and PostgreSQL.

-- the name of an SMS or email recipient as the sender knew it (a constituent's name); null when unknown
alter table outbox_message add column recipient_name varchar(100);
-- what delivered a SENT message: 'log' means no gateway or mail server was configured and the message
-- was only written to the server log; null for rows sent before this column existed
alter table outbox_message add column delivered_via varchar(100);
