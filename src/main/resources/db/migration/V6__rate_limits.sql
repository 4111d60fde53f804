-- Rate limits kept in the database, so that they hold however many nodes share it (see
-- cn.deputylink.shared.RateLimits). Same SQL for H2 (PostgreSQL mode) and PostgreSQL.

-- One row per limit and subject: the hits counted in the current fixed window. The subject (an
-- address, a phone number) is stored only as a keyed hash, never in clear.
create table rate_limit (
    bucket      varchar(120) primary key,
    window_end  bigint       not null,  -- epoch milliseconds: the end of the window being counted
    hits        integer      not null
);
-- the hourly purge deletes the rows whose window has ended
create index rate_limit_window_ix on rate_limit (window_end);
