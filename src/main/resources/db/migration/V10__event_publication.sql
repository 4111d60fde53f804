-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0.3, schema v2), one file
-- for H2 and PostgreSQL: the columns of the shipped schema-h2.sql/schema-postgresql.sql, with types both
-- accept (varchar for PostgreSQL's text, so that H2 can index it). The shipped PostgreSQL schema indexes
-- serialized_event by hash, which H2 cannot; the composite index of the H2 schema serves the same
-- look-up (a completed publication is found by listener and event) and fits our events, small records
-- of ids and codes.
create table if not exists event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar(4000)            not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

create index if not exists event_publication_by_listener_id_and_serialized_event_idx
    on event_publication (listener_id, serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
