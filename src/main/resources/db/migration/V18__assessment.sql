-- The year-end evaluation of handling units (承办单位考核): the county's one formula, with
-- its defaults (weights on a 100-point scale, "basically satisfied" at 0.8, pass 80,
-- excellent 90). The scores themselves are computed from the proposal and opinion
-- modules' records whenever they are asked for; nothing else is stored.
-- Works on H2 (PostgreSQL mode) and PostgreSQL.

create table assessment_formula (
    id                    integer      not null primary key,
    proposal_timeliness   numeric(7,2) not null,
    proposal_favourable   numeric(7,2) not null,
    proposal_satisfaction numeric(7,2) not null,
    opinion_timeliness    numeric(7,2) not null,
    opinion_satisfaction  numeric(7,2) not null,
    opinion_resolved      numeric(7,2) not null,
    basically_factor      numeric(5,3) not null,
    pass_mark             numeric(5,1) not null,
    excellent_mark        numeric(5,1) not null,
    updated_at            timestamp with time zone,
    updated_by            varchar(64),
    version               integer      not null default 0,
    constraint assessment_formula_one check (id = 1)
);

insert into assessment_formula (id, proposal_timeliness, proposal_favourable, proposal_satisfaction,
    opinion_timeliness, opinion_satisfaction, opinion_resolved, basically_factor, pass_mark, excellent_mark)
values (1, 20, 20, 20, 20, 20, 0, 0.8, 80, 90);
