package cn.deputylink.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A year's table: the formula it was computed with, the county's date it was computed on
 * ("open past due" is as of that day) and the rows, best score first.
 */
public record UnitTable(int year, LocalDate asOf, AssessmentFormula formula, List<UnitScore> items) {
}
