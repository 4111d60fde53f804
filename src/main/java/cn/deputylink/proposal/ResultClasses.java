package cn.deputylink.proposal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Upload;

/**
 * The county's list of reply result classes (A / B / C by default).
 */
@Service
public class ResultClasses {

	/** All classes, active or not, in their order. */
	@Transactional(readOnly = true)
	public List<ResultClass> all() {
		throw new UnsupportedOperationException("skeleton");
	}

	/** The classes a reply may use now. */
	@Transactional(readOnly = true)
	public List<ResultClass> active() {
		throw new UnsupportedOperationException("skeleton");
	}

	/**
	 * Replaces the list (county admin): codes in use by replies cannot go, only become
	 * inactive (409); 400 on a blank or duplicate code or label.
	 */
	@Transactional
	public List<ResultClass> replace(List<ResultClass> classes, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

}
