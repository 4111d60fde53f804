package cn.deputylink.shared.excel;

import java.util.List;

/** An import with at least one bad row: nothing was written, every bad row is listed. */
public class ImportRejectedException extends RuntimeException {

	private final List<RowError> errors;

	public ImportRejectedException(List<RowError> errors) {
		super(errors.size() + " bad rows");
		this.errors = List.copyOf(errors);
	}

	public List<RowError> errors() {
		return errors;
	}

}
