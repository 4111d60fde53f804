-- ShedLock's lease table replaces the home-made job_lock: scheduled jobs that must run on one node
-- at a time take a row here. The columns are ShedLock's (JdbcTemplateLockProvider); the times are
-- the database's own (usingDbTime), so nodes with skewed clocks still agree on who holds a lease.
-- Same SQL for H2 (PostgreSQL mode) and PostgreSQL.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- nothing reads job_lock any more
drop table job_lock;
