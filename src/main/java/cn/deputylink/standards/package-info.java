/**
 * Station standards (工作室标准化建设, {@code domain.md} rule 1): the county's configurable
 * checklist of "六有", "三个落实" and "两个明确" items, inspections of a station with a result per
 * item, photo evidence and a score, each station's status and the county's list of gaps.
 * The API: {@link cn.deputylink.standards.StationStandards}; the targets module reads
 * {@link cn.deputylink.standards.StationStandards#upToStandardByTownship}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "organisation", "shared", "shared :: web" })
@NullMarked
package cn.deputylink.standards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
