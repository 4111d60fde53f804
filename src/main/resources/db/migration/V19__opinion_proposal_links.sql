-- The proposals an opinion became part of (代表建议), recorded by the opinion module when it
-- hears of a submitted proposal (opinion.ProposalLink); one row per opinion and proposal, so
-- that hearing the same submission twice records it once.
create table opinion_proposal_link (
    opinion_id  bigint not null references opinion (id),
    proposal_id bigint not null,
    linked_at   timestamp with time zone not null,
    primary key (opinion_id, proposal_id)
);

create index opinion_proposal_link_proposal_idx on opinion_proposal_link (proposal_id);
