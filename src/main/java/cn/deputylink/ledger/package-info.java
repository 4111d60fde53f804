/**
 * The stations' ledgers (台账): one station's record of a period as an Excel workbook to
 * print on A4 — the period's figures (the statistics module's, plus the duty days held),
 * the duty days, the receptions, the opinions with their handling and the activities —
 * personal information always masked. Generated from the owning modules' records through
 * their facades ({@code statistics.StatisticsRecords}, {@code duty.DutyQueries},
 * {@code activity.ActivityQueries}, {@code opinion.OpinionRecords},
 * {@code organisation.RegistryLookup}); holds no tables. The API:
 * {@link cn.deputylink.ledger.StationLedgers}.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "duty", "opinion", "organisation", "shared",
		"shared :: web", "shared :: excel", "statistics" })
@NullMarked
package cn.deputylink.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
