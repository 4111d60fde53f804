package cn.deputylink.opinion.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.shared.Upload;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * The checks of an intake and of added papers: the registry's answers (each looked up
 * once), the user's scope, and the files' type and size.
 */
@Component
public class IntakeChecks {

	private final RegistryLookup registryLookup;

	private final OpinionSettings settings;

	IntakeChecks(RegistryLookup registryLookup, OpinionSettings settings) {
		this.registryLookup = registryLookup;
		this.settings = settings;
	}

	/** Where the opinion belongs. */
	public record Placed(@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long villageId) {
	}

	/** A file that passed the checks. */
	public record Checked(String name, String type, byte[] bytes, String sha256) {
	}

	public Placed place(Intake in, @Nullable CurrentUser user, OffsetDateTime now) {
		List<FieldError> errors = new ArrayList<>();
		String content = in.content();
		if (content == null || content.isBlank()) {
			errors.add(new FieldError("content", "validation.required"));
		}
		else if (content.strip().length() > OpinionCase.CONTENT_MAX) {
			errors.add(new FieldError("content", "validation.size.max", OpinionCase.CONTENT_MAX));
		}
		Station station = null;
		if (in.stationId() != null) {
			station = registryLookup.station(in.stationId()).filter(Station::active).orElse(null);
			if (station == null) {
				errors.add(new FieldError("stationId", "opinion.unknown.station"));
			}
		}
		Village village = null;
		if (in.villageId() != null) {
			village = registryLookup.village(in.villageId()).filter(Village::active).orElse(null);
			if (village == null) {
				errors.add(new FieldError("villageId", "opinion.unknown.village"));
			}
		}
		if (station != null && village != null && station.townshipId() != village.townshipId()) {
			errors.add(new FieldError("villageId", "opinion.village.otherTownship"));
		}
		String category = blankToNull(in.categoryCode());
		if (category != null && registryLookup.category(category).filter(Category::active).isEmpty()) {
			errors.add(new FieldError("categoryCode", "opinion.unknown.category"));
		}
		if (in.receivedAt() != null && in.receivedAt().isAfter(now.plusMinutes(5))) {
			errors.add(new FieldError("receivedAt", "opinion.receivedAt.future"));
		}
		for (Long d : in.deputyIds()) {
			if (d == null || !registryLookup.deputyExists(d)) {
				errors.add(new FieldError("deputyIds", "opinion.unknown.deputy"));
				break;
			}
		}
		if (!in.anonymous()) {
			String name = in.name();
			if (name != null && name.strip().length() > 100) {
				errors.add(new FieldError("constituent.name", "validation.size.max", 100));
			}
			String phone = blankToNull(in.phone());
			if (phone != null && !phone.matches("\\+?[0-9][0-9 \\-]{5,18}[0-9]")) {
				errors.add(new FieldError("constituent.phone", "opinion.phone.invalid"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Long township = station != null ? Long.valueOf(station.townshipId())
				: village != null ? Long.valueOf(village.townshipId()) : null;
		Long stationId = station == null ? null : station.id();
		if (user != null && user.townshipScope().isPresent()) {
			long own = user.townshipScope().get();
			if (township == null) {
				township = own;
				if (user.is(Role.STATION_LIAISON) && user.stationId() != null) {
					stationId = user.stationId();
				}
			}
			else if (township != own) {
				throw new AccessDeniedException("township scope");
			}
		}
		else if (user != null && user.is(Role.DEPUTY)) {
			// a deputy registers at the stations it receives people at: their townships
			// are its scope
			List<Long> own = user.deputyId() == null ? List.of() : registryLookup.stationsOfDeputy(user.deputyId());
			List<Long> ownTownships = own.stream()
				.map(registryLookup::station)
				.flatMap(Optional::stream)
				.map(st -> st.townshipId())
				.toList();
			if (township == null && !own.isEmpty()) {
				stationId = own.get(0);
				township = ownTownships.isEmpty() ? null : ownTownships.get(0);
			}
			else if (township != null && !ownTownships.contains(township)) {
				throw new AccessDeniedException("deputy scope");
			}
		}
		return new Placed(township, stationId, village == null ? null : village.id());
	}

	/**
	 * Files with content, checked; {@code existing} attachments count against the limit.
	 */
	public List<Checked> checkFiles(List<Upload> files, int existing) {
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (existing + real.size() > settings.attachmentsPerOpinion()) {
			throw new InvalidInputException("files", "opinion.attachment.tooMany", settings.attachmentsPerOpinion());
		}
		List<Checked> out = new ArrayList<>();
		for (Upload f : real) {
			if (f.bytes().length > settings.attachmentMaxBytes()) {
				throw new AttachmentTooLargeException(settings.attachmentMaxBytes() / (1024 * 1024));
			}
			String type = AttachmentPolicy.sniff(f.bytes())
				.orElseThrow(() -> new InvalidInputException("files", "opinion.attachment.type",
						AttachmentPolicy.cleanName(f.filename())));
			if (type.startsWith("image/") && !AttachmentPolicy.isWholeImage(f.bytes(), type)) {
				throw new InvalidInputException("files", "input.attachment.broken",
						AttachmentPolicy.cleanName(f.filename()));
			}
			out.add(new Checked(AttachmentPolicy.cleanName(f.filename()), type, f.bytes(),
					Digests.sha256Hex(f.bytes())));
		}
		return out;
	}

	/**
	 * A digest of the request, to tell a retry from a different request under one
	 * idempotency key.
	 */
	public static String requestHash(Intake in) {
		return Digests.sha256Hex(in.fingerprint());
	}

	/** A phone as the SMS limit counts it: digits only, without China's country code. */
	public static String phoneKey(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		else if (digits.startsWith("86") && digits.length() == 13) {
			digits = digits.substring(2);
		}
		return digits;
	}

}
