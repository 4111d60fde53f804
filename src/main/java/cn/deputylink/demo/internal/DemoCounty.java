package cn.deputylink.demo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Tier;

/**
 * The invented demo county as plain data, with no database and no Spring, so that its
 * shape (15 townships, 43 stations covering every village exactly once, about 200
 * deputies) can be checked by a unit test and is the same at every start: everything
 * random comes from one {@link Random} with a fixed seed. All names are made up from
 * common surnames, given-name characters and generic place words; they stand for no real
 * person or place.
 */
final class DemoCounty {

	/** The seed of every random choice; changing it changes the whole demo. */
	static final long SEED = 20180601L;

	/** The townships, in creation order: the first one is the demo accounts' township. */
	private static final String[] TOWNSHIPS = { "东岭镇", "青石乡", "白沙镇", "枫林镇", "石桥乡", "龙溪镇", "杨柳镇", "桃源乡", "云山镇", "清水镇",
			"长塘乡", "金竹镇", "梅岭乡", "下湾镇", "高坪镇" };

	/** Stations per township: 13 × 3 + 2 × 2 = 43, as in the seed. */
	private static final int[] STATIONS_PER_TOWNSHIP = { 3, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 2, 3, 3 };

	private static final String[] VILLAGE_STEMS = { "柳溪", "新田", "石门", "荷塘", "大坪", "茶园", "枫树", "竹山", "黄泥", "杉木", "金鸡",
			"龙口", "白果", "马田", "桥头", "坪上", "山塘", "樟树", "河边", "岭背", "湾里", "梨子", "水口", "塘冲", "新屋", "高桥", "鹿鸣", "凤形", "檀山",
			"双江", "合心", "团结", "红星", "向阳", "光明", "太平", "长乐", "永丰", "和平", "联合", "车田", "泉塘", "清溪", "长冲", "楠木", "下源", "上堡",
			"石龙" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "钟", "谭", "陆", "汪",
			"范", "石", "廖", "贺", "龚", "邹", "戴", "向", "文" };

	private static final String[] GIVEN = { "建", "国", "华", "明", "军", "平", "伟", "芳", "丽", "红", "英", "秀", "兰", "玉", "桂",
			"海", "林", "春", "生", "文", "志", "德", "勇", "辉", "强", "云", "霞", "燕", "梅", "杰", "涛", "斌", "波", "宇", "鹏", "敏",
			"静", "婷", "清", "福", "祥", "学", "松", "金", "荣", "成", "新", "友", "立", "光", "亮", "良", "富", "贵", "翠", "娟" };

	private static final String[] PHONE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "158", "159", "173", "177", "180", "186", "187", "188", "189", "199" };

	private static final String[] ORDINALS = { "一", "二", "三", "四" };

	private static final String[] WEEKDAYS = { "一", "二", "三", "四", "五" };

	private static final String[] HOURS = { "9:00-12:00", "8:30-11:30", "14:30-17:30" };

	private static final String[] PLACES = { "党群服务中心一楼", "综合服务中心二楼", "便民服务大厅东侧", "文化活动中心一楼" };

	/** The county bureaus and the categories each is competent for ("归口办理"). */
	private static final List<DepartmentPlan> BUREAUS = List.of(bureau("县交通运输局", "TRANSPORT", "RURAL_INFRASTRUCTURE"),
			bureau("县民政局", "SUBSISTENCE_ELDERLY", "SOCIAL_SECURITY", "NEIGHBOUR_DISPUTE"),
			bureau("县自然资源局", "LAND_DEMOLITION"), bureau("县住房和城乡建设局", "RURAL_INFRASTRUCTURE", "LAND_DEMOLITION"),
			bureau("县人力资源和社会保障局", "SOCIAL_SECURITY", "SUBSISTENCE_ELDERLY"),
			bureau("县司法局", "NEIGHBOUR_DISPUTE", "LAND_DEMOLITION"), bureau("县教育局", "EDUCATION"),
			bureau("县卫生健康局", "HEALTH", "SUBSISTENCE_ELDERLY"), bureau("县生态环境分局", "ENVIRONMENT"),
			bureau("县农业农村局", "RURAL_INFRASTRUCTURE", "ENVIRONMENT", "OTHER"));

	/** What a village committee is competent for: matters settled inside the village. */
	static final List<String> VILLAGE_CATEGORIES = List.of("NEIGHBOUR_DISPUTE", "RURAL_INFRASTRUCTURE");

	private DemoCounty() {
	}

	/** The whole county plan. */
	record Plan(List<TownshipPlan> townships, List<DepartmentPlan> departments) {

		int villageCount() {
			return townships.stream().mapToInt(t -> t.villages().size()).sum();
		}

		int stationCount() {
			return townships.stream().mapToInt(t -> t.stations().size()).sum();
		}

		int deputyCount() {
			return townships.stream().mapToInt(t -> t.deputies().size()).sum();
		}
	}

	/** A township with its villages, its stations and the deputies attached to them. */
	record TownshipPlan(String code, String name, List<String> villages, List<StationPlan> stations,
			List<DeputyPlan> deputies) {
	}

	/** A station; {@code villages} are indexes into the township's villages. */
	record StationPlan(String name, String address, String openingRule, Set<Facility> facilities, String liaisonOfficer,
			List<Integer> villages) {
	}

	/**
	 * A deputy; {@code stations} are indexes into the township's stations, the first
	 * being the main one.
	 */
	record DeputyPlan(String name, Set<DeputyLevel> levels, String phone, String constituency, List<Integer> stations) {
	}

	/**
	 * A handling department; {@code township} is an index into the townships, -1 for a
	 * county bureau. {@code allCategories} means competent for every active category,
	 * whatever the county adds later.
	 */
	record DepartmentPlan(String name, Tier tier, int township, boolean allCategories, List<String> categoryCodes) {
	}

	/**
	 * The name of a township's government, the township-tier department of that township.
	 */
	static String government(String township) {
		return township + "人民政府";
	}

	/**
	 * The name of a village's committee, prefixed with its township so that names stay
	 * unique.
	 */
	static String committee(String township, String village) {
		return township + village + (village.endsWith("社区") ? "居民委员会" : "村民委员会");
	}

	/** Generates the county; the same result at every call. */
	static Plan generate() {
		Random rnd = new Random(SEED);
		Set<String> names = new HashSet<>();
		Set<String> phones = new HashSet<>();
		List<TownshipPlan> townships = new ArrayList<>();
		List<DepartmentPlan> departments = new ArrayList<>(BUREAUS);
		int stationNo = 0;
		int deputyNo = 0;
		for (int t = 0; t < TOWNSHIPS.length; t++) {
			String township = TOWNSHIPS[t];
			List<String> stems = new ArrayList<>(List.of(VILLAGE_STEMS));
			Collections.shuffle(stems, rnd);
			int villageCount = 5 + rnd.nextInt(5);
			List<String> villages = new ArrayList<>();
			for (int v = 0; v < villageCount; v++) {
				// a town (镇) has its seat as a community (社区); the rest are villages
				boolean community = v == 0 && township.endsWith("镇");
				villages.add(stems.get(v) + (community ? "社区" : "村"));
			}
			departments.add(new DepartmentPlan(government(township), Tier.TOWNSHIP, t, true, List.of()));
			int stationCount = STATIONS_PER_TOWNSHIP[t];
			List<StationPlan> stations = new ArrayList<>();
			List<DeputyPlan> deputies = new ArrayList<>();
			for (List<Integer> covered : partition(villageCount, stationCount)) {
				int s = stations.size();
				int first = covered.get(0);
				stations.add(new StationPlan(township + stems.get(first) + "片区代表联系群众工作室",
						township + villages.get(first) + PLACES[rnd.nextInt(PLACES.length)], openingRule(rnd),
						facilities(rnd, stationNo), uniqueName(rnd, names), covered));
				departments.add(new DepartmentPlan(committee(township, villages.get(first)), Tier.VILLAGE, t, false,
						VILLAGE_CATEGORIES));
				int deputyCount = 4 + rnd.nextInt(3);
				for (int d = 0; d < deputyCount; d++) {
					Set<DeputyLevel> levels = levels(rnd, deputyNo);
					List<Integer> attached = new ArrayList<>(List.of(s));
					if (rnd.nextInt(100) < 6) {
						attached.add((s + 1 + rnd.nextInt(stationCount - 1)) % stationCount);
					}
					deputies.add(new DeputyPlan(uniqueName(rnd, names), levels, uniquePhone(rnd, phones),
							constituency(levels, township, s, rnd), List.copyOf(attached)));
					deputyNo++;
				}
				stationNo++;
			}
			townships.add(new TownshipPlan("T%02d".formatted(t + 1), township, List.copyOf(villages),
					List.copyOf(stations), List.copyOf(deputies)));
		}
		return new Plan(List.copyOf(townships), List.copyOf(departments));
	}

	/**
	 * Splits villages 0..n-1 into {@code k} contiguous, non-empty groups as even as
	 * possible.
	 */
	static List<List<Integer>> partition(int n, int k) {
		if (k < 1 || n < k) {
			throw new IllegalArgumentException("cannot cover " + n + " villages with " + k + " stations");
		}
		List<List<Integer>> groups = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < k; i++) {
			int size = n / k + (i < n % k ? 1 : 0);
			List<Integer> group = new ArrayList<>();
			for (int j = 0; j < size; j++) {
				group.add(next++);
			}
			groups.add(List.copyOf(group));
		}
		return List.copyOf(groups);
	}

	/** Open one or two days a month, as the seed asks ("两个明确"). */
	private static String openingRule(Random rnd) {
		String day = "星期" + WEEKDAYS[rnd.nextInt(WEEKDAYS.length)];
		String hours = HOURS[rnd.nextInt(HOURS.length)];
		if (rnd.nextInt(4) == 0) {
			int first = rnd.nextInt(2);
			return "每月第" + ORDINALS[first] + "、" + ORDINALS[first + 2] + "个" + day + " " + hours;
		}
		return "每月第" + ORDINALS[rnd.nextInt(ORDINALS.length)] + "个" + day + " " + hours;
	}

	/**
	 * All seven facilities for most stations; a few lack one or two, so that checklists
	 * find something.
	 */
	private static Set<Facility> facilities(Random rnd, int stationNo) {
		EnumSet<Facility> set = EnumSet.allOf(Facility.class);
		List<Facility> all = new ArrayList<>(List.of(Facility.values()));
		Collections.shuffle(all, rnd);
		if (stationNo % 17 == 11) {
			set.remove(all.get(0));
			set.remove(all.get(1));
		}
		else if (stationNo % 8 == 5) {
			set.remove(all.get(0));
		}
		return Collections.unmodifiableSet(set);
	}

	/**
	 * Mostly township and county deputies, some holding both; a few municipal and
	 * provincial ones and exactly two national ones, at fixed positions so that they are
	 * always there.
	 */
	private static Set<DeputyLevel> levels(Random rnd, int deputyNo) {
		EnumSet<DeputyLevel> set;
		if (deputyNo == 37) {
			set = EnumSet.of(DeputyLevel.NATIONAL);
		}
		else if (deputyNo == 151) {
			set = EnumSet.of(DeputyLevel.NATIONAL, DeputyLevel.COUNTY);
		}
		else if (deputyNo == 90) {
			set = EnumSet.of(DeputyLevel.PROVINCIAL, DeputyLevel.COUNTY);
		}
		else {
			int r = rnd.nextInt(100);
			if (r < 40) {
				set = EnumSet.of(DeputyLevel.TOWNSHIP);
			}
			else if (r < 70) {
				set = EnumSet.of(DeputyLevel.COUNTY);
			}
			else if (r < 88) {
				set = EnumSet.of(DeputyLevel.TOWNSHIP, DeputyLevel.COUNTY);
			}
			else if (r < 94) {
				set = EnumSet.of(DeputyLevel.MUNICIPAL, DeputyLevel.COUNTY);
			}
			else if (r < 98) {
				set = EnumSet.of(DeputyLevel.MUNICIPAL);
			}
			else {
				set = EnumSet.of(DeputyLevel.PROVINCIAL);
			}
		}
		return Collections.unmodifiableSet(set);
	}

	/**
	 * County and township deputies are elected directly in a constituency of the
	 * township; deputies of higher congresses by the congress one level below.
	 */
	private static String constituency(Set<DeputyLevel> levels, String township, int station, Random rnd) {
		DeputyLevel highest = levels.iterator().next();
		return switch (highest) {
			case NATIONAL -> "省人民代表大会选举";
			case PROVINCIAL -> "市人民代表大会选举";
			case MUNICIPAL -> "县人民代表大会选举";
			case COUNTY, TOWNSHIP -> township + "第" + (station * 2 + rnd.nextInt(2) + 1) + "选区";
		};
	}

	private static String uniqueName(Random rnd, Set<String> used) {
		while (true) {
			StringBuilder name = new StringBuilder(SURNAMES[rnd.nextInt(SURNAMES.length)]);
			name.append(GIVEN[rnd.nextInt(GIVEN.length)]);
			if (rnd.nextInt(10) < 7) {
				name.append(GIVEN[rnd.nextInt(GIVEN.length)]);
			}
			if (used.add(name.toString())) {
				return name.toString();
			}
		}
	}

	private static String uniquePhone(Random rnd, Set<String> used) {
		while (true) {
			String phone = PHONE_PREFIXES[rnd.nextInt(PHONE_PREFIXES.length)]
					+ "%08d".formatted(rnd.nextInt(100_000_000));
			if (used.add(phone)) {
				return phone;
			}
		}
	}

	private static DepartmentPlan bureau(String name, String... categoryCodes) {
		return new DepartmentPlan(name, Tier.COUNTY, -1, false, List.of(categoryCodes));
	}

}
