package cn.deputylink.proposal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.proposal.internal.ProposalReads;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * The county's list of reply result classes (A / B / C by default).
 */
@Service
public class ResultClasses {

	static final int CODE_MAX = 8;

	static final int LABEL_MAX = 40;

	static final int EXPLANATION_MAX = 500;

	private final ProposalReads store;

	private final AuditLog audit;

	ResultClasses(ProposalReads store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	/** All classes, active or not, in their order. */
	@Transactional(readOnly = true)
	public List<ResultClass> all() {
		return store.resultClasses();
	}

	/** The classes a reply may use now. */
	@Transactional(readOnly = true)
	public List<ResultClass> active() {
		return store.resultClasses().stream().filter(ResultClass::active).toList();
	}

	/**
	 * Replaces the list (county admin): codes in use by replies cannot go, only become
	 * inactive (409); 400 on a blank or duplicate code or label, or without an active
	 * class. Codes are free text of 1–8 characters (A–D, 甲/乙/丙).
	 */
	@Transactional
	public List<ResultClass> replace(List<ResultClass> classes, CurrentUser u) {
		if (!u.isCountyAdmin()) {
			throw new AccessDeniedException("result classes");
		}
		List<FieldError> errors = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<String> labels = new HashSet<>();
		List<ResultClass> clean = new ArrayList<>();
		for (int i = 0; i < classes.size(); i++) {
			ResultClass c = classes.get(i);
			String code = blankToNull(c.code());
			String label = blankToNull(c.label());
			String field = "classes[" + i + "]";
			if (code == null) {
				errors.add(new FieldError(field + ".code", "validation.required"));
			}
			else if (code.strip().length() > CODE_MAX) {
				errors.add(new FieldError(field + ".code", "validation.size.max", CODE_MAX));
			}
			else if (!codes.add(code.strip())) {
				errors.add(new FieldError(field + ".code", "proposal.resultClass.duplicate", code.strip()));
			}
			if (label == null) {
				errors.add(new FieldError(field + ".label", "validation.required"));
			}
			else if (label.strip().length() > LABEL_MAX) {
				errors.add(new FieldError(field + ".label", "validation.size.max", LABEL_MAX));
			}
			else if (!labels.add(label.strip())) {
				errors.add(new FieldError(field + ".label", "proposal.resultClass.duplicate", label.strip()));
			}
			String explanation = c.explanation() == null ? "" : c.explanation().strip();
			if (explanation.length() > EXPLANATION_MAX) {
				errors.add(new FieldError(field + ".explanation", "validation.size.max", EXPLANATION_MAX));
			}
			if (code != null && label != null) {
				clean.add(new ResultClass(code.strip(), label.strip(), explanation, c.favourable(), i + 1, c.active()));
			}
		}
		if (errors.isEmpty() && clean.stream().noneMatch(ResultClass::active)) {
			errors.add(new FieldError("classes", "proposal.resultClass.noneActive"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		for (ResultClass old : store.resultClasses()) {
			if (!codes.contains(old.code()) && store.resultClassUsed(old.code())) {
				throw new ConflictException("proposal.resultClass.used", old.code());
			}
		}
		store.replaceResultClasses(clean);
		audit.record(u.getUsername(), "proposal.resultClasses", "proposal_result_class", "SUCCESS",
				String.join(",", clean.stream().map(ResultClass::code).toList()), null);
		return store.resultClasses();
	}

}
