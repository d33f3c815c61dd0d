/* demo.c — the seeded hospital generator (see demo.h). */
#include "laurel/demo.h"

#include <stdio.h>
#include <string.h>

#include "laurel/date.h"

/* Common family names, weighted roughly by their share in Vietnam. */
static const struct {
	const char *name;
	int weight;
} family[] = {
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9},    {"Phạm", 7},
	{"Hoàng", 5},   {"Huỳnh", 3}, {"Phan", 4},  {"Vũ", 4},
	{"Võ", 3},      {"Đặng", 2},  {"Bùi", 2},   {"Đỗ", 2},
	{"Hồ", 2},      {"Ngô", 2},   {"Dương", 1}, {"Lý", 1},
	{"Đinh", 1},    {"Trương", 1}, {"Lâm", 1},  {"Tạ", 1},
};

static const char *const middle_m[] = {"Văn", "Minh", "Quốc", "Hữu",
                                       "Đức", "Thanh", "Công", "Xuân",
                                       "Ngọc", "Trung", "Hoàng", "Gia"};
static const char *const middle_f[] = {"Thị", "Thu", "Ngọc", "Thanh",
                                       "Hồng", "Minh", "Kim", "Thùy",
                                       "Phương", "Mai", "Bích", "Hoài"};
static const char *const given_m[] = {
	"An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức",
	"Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa",
	"Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang",
	"Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn",
	"Tùng", "Việt", "Vinh", "Ước", "Ổn"};
static const char *const given_f[] = {
	"An", "Anh", "Ánh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà",
	"Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan",
	"Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung",
	"Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Uyên",
	"Vân", "Yến", "Ân", "Ơn"};

static const struct demo_unit base_units[] = {
	{"BV", "Bệnh viện Phục hồi chức năng tỉnh", "hospital", NULL},
	{"KHAMBENH", "Khoa Khám bệnh", "department", "BV"},
	{"VLTL", "Khoa Vật lý trị liệu – Phục hồi chức năng", "department", "BV"},
	{"PHCNNHI", "Khoa Phục hồi chức năng Nhi", "department", "BV"},
	{"YHCT", "Khoa Y học cổ truyền", "department", "BV"},
	{"DUOC", "Khoa Dược – Vật tư", "department", "BV"},
	{"XNCDHA", "Khoa Xét nghiệm – Chẩn đoán hình ảnh", "department", "BV"},
	{"NOITH", "Khoa Nội tổng hợp", "department", "BV"},
	{"NGOAI", "Khoa Ngoại – Chấn thương chỉnh hình", "department", "BV"},
	{"KSNK", "Khoa Kiểm soát nhiễm khuẩn", "department", "BV"},
	{"KHTH", "Phòng Kế hoạch tổng hợp", "office", "BV"},
	{"DIEUDUONG", "Phòng Điều dưỡng", "office", "BV"},
	{"TCHC", "Phòng Tổ chức – Hành chính", "office", "BV"},
	{"TCKT", "Phòng Tài chính – Kế toán", "office", "BV"},
	{"VTTB", "Phòng Vật tư – Thiết bị y tế", "office", "BV"},
};
#define NBASE (sizeof base_units / sizeof base_units[0])

/* splitmix64: small, good, and the same everywhere. */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static uint64_t pick(uint64_t *st, uint64_t n)
{
	*st = mix(*st);
	return n ? *st % n : 0;
}

size_t demo_unit_count(size_t nstaff)
{
	size_t want = nstaff / 25;

	return want > NBASE ? want : NBASE;
}

void demo_unit(size_t i, size_t nstaff, struct demo_unit *u)
{
	(void)nstaff;
	if (i < NBASE) {
		*u = base_units[i];
		return;
	}
	memset(u, 0, sizeof *u);
	snprintf(u->code, sizeof u->code, "TRAM%03u", (unsigned)((i - NBASE + 1) % 1000));
	snprintf(u->name, sizeof u->name, "Trạm y tế số %zu", i - NBASE + 1);
	u->kind = "station";
	u->parent = "BV";
}

/* What people in a unit of this kind do. */
static const char *job_for(const char *kind, const char *code, uint64_t r)
{
	static const char *const clinical[] = {"Bác sĩ", "Điều dưỡng",
	                                       "Điều dưỡng", "Kỹ thuật viên",
	                                       "Kỹ thuật viên", "Hộ lý"};
	static const char *const office[] = {"Chuyên viên", "Cán sự",
	                                     "Kế toán viên", "Nhân viên"};

	if (!strcmp(code, "DUOC"))
		return r % 3 ? "Dược sĩ" : "Kỹ thuật viên";
	if (!strcmp(kind, "office"))
		return office[r % 4];
	if (!strcmp(kind, "station"))
		return r % 2 ? "Y sĩ" : "Điều dưỡng";
	return clinical[r % 6];
}

void demo_person(uint64_t seed, size_t i, size_t nstaff,
                 struct demo_person *p)
{
	uint64_t st = mix(seed ^ mix(i + 1));
	size_t nunits = demo_unit_count(nstaff), unit_index, rank;
	int total = 0, w, female, y, m, d;
	uint64_t gi, mi;
	const char *fam = family[0].name;
	struct demo_unit u;
	int by;

	memset(p, 0, sizeof *p);
	for (size_t k = 0; k < sizeof family / sizeof family[0]; k++)
		total += family[k].weight;
	w = (int)pick(&st, (uint64_t)total);
	for (size_t k = 0; k < sizeof family / sizeof family[0]; k++) {
		if (w < family[k].weight) {
			fam = family[k].name;
			break;
		}
		w -= family[k].weight;
	}
	female = pick(&st, 100) < 62; /* hospitals employ more women */
	/* One draw per statement: the order of evaluation of a call's
	 * arguments differs between compilers, and the same seed must give
	 * the same hospital everywhere. */
	gi = female ? pick(&st, sizeof given_f / sizeof given_f[0])
	            : pick(&st, sizeof given_m / sizeof given_m[0]);
	mi = pick(&st, 12);
	snprintf(p->full_name, sizeof p->full_name, "%s %s %s", fam,
	         female ? middle_f[mi] : middle_m[mi],
	         female ? given_f[gi] : given_m[gi]);
	p->sex = female ? "nữ" : "nam";
	snprintf(p->code, sizeof p->code, "NV%05zu", i + 1);
	by = 1966 + (int)pick(&st, 36);
	d = 1 + (int)pick(&st, 28);
	m = 1 + (int)pick(&st, 12);
	p->birth = date_from_ymd(by, m, d);
	d = 1 + (int)pick(&st, 28);
	m = 1 + (int)pick(&st, 12);
	y = by + 22 + (int)pick(&st, 8);
	p->start = date_from_ymd(y, m, d);
	if (p->start > date_from_ymd(2026, 6, 1))
		p->start = date_from_ymd(2026, 6, 1);
	/* Units 1.. get people round-robin; the hospital unit itself (0)
	 * holds the director's board. */
	unit_index = i < 2 ? 0 : 1 + (i - 2) % (nunits - 1);
	rank = i < 2 ? i : (i - 2) / (nunits - 1);
	demo_unit(unit_index, nstaff, &u);
	snprintf(p->unit, sizeof p->unit, "%s", u.code);
	if (unit_index == 0) {
		p->position = i == 0 ? "Giám đốc" : "Phó Giám đốc";
		p->job_title = "Bác sĩ";
	} else if (rank == 0) {
		p->position = !strcmp(u.kind, "office") ? "Trưởng phòng"
		              : !strcmp(u.kind, "station") ? "Trạm trưởng"
		                                           : "Trưởng khoa";
		p->job_title = !strcmp(u.kind, "office") ? "Chuyên viên" : "Bác sĩ";
	} else if (rank == 1) {
		p->position = !strcmp(u.kind, "office") ? "Phó Trưởng phòng"
		              : !strcmp(u.kind, "station") ? "Phó Trạm trưởng"
		                                           : "Phó Trưởng khoa";
		p->job_title = !strcmp(u.kind, "office") ? "Chuyên viên" : "Bác sĩ";
	} else {
		p->position = "";
		p->job_title = job_for(u.kind, u.code, pick(&st, 1000));
	}
	p->category = pick(&st, 100) < 82 ? "viên chức" : "hợp đồng";
}

size_t demo_unit_of(size_t i, size_t nstaff)
{
	return i < 2 ? 0 : 1 + (i - 2) % (demo_unit_count(nstaff) - 1);
}

/* The rank of person i in their unit (0 heads it). */
static size_t rank_of(size_t i, size_t nstaff)
{
	return i < 2 ? i : (i - 2) / (demo_unit_count(nstaff) - 1);
}

size_t demo_staff_index(size_t unit, size_t rank, size_t nstaff)
{
	size_t i;

	if (unit == 0)
		return rank < 2 && rank < nstaff ? rank : nstaff;
	i = 2 + (unit - 1) + rank * (demo_unit_count(nstaff) - 1);
	return i < nstaff ? i : nstaff;
}

/* ---- the emulation year ------------------------------------------------ */

/* The year's draws come from their own streams, so that adding to the
 * year never changes the roster a seed gives. */
#define SALT_PERSON 0x7965617270657273ull
#define SALT_UNIT 0x79656172756e6974ull
#define SALT_REPORT 0x7965617272657074ull

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The units that have a year (see DEMO_YEAR_UNITS). */
static size_t year_units(size_t nstaff)
{
	size_t n = demo_unit_count(nstaff);

	return n < DEMO_YEAR_UNITS ? n : DEMO_YEAR_UNITS;
}

void demo_plan(int year, struct demo_plan *p)
{
	/* Plan 001's registration deadline, plan 004's reports and targets,
	 * plan 000's monthly exemplar. */
	memset(p, 0, sizeof *p);
	p->registration = date_from_ymd(year, 1, 10);
	p->six_month = date_from_ymd(year, 6, 20);
	p->annual = date_from_ymd(year, 12, 20);
	p->ratings = date_from_ymd(year, 12, 15);
	p->exemplar_day = 5;
	p->target_ldtt = 95;
	p->target_cstdcs = 15;
	p->target_gk_units = 40;
	p->target_gk_people = 15;
}

static const struct {
	const char *prefix, *name, *kind;
	int from_m, from_d, to_m, to_d;
	const char *areas;
} movements[] = {
	{"TDYN", "Thi đua đổi mới, sáng tạo, tăng tốc, bứt phá đưa đất nước "
	         "vào kỷ nguyên phát triển hùng cường, văn minh, thịnh vượng",
	 "regular", 1, 1, 12, 31,
	 "Nâng cao chất lượng khám bệnh, chữa bệnh, lấy người bệnh làm trung tâm\n"
	 "Y tế dự phòng, phòng chống dịch bệnh, chăm sóc sức khỏe ban đầu\n"
	 "Chuyển đổi số y tế: bệnh án điện tử, thanh toán không dùng tiền mặt\n"
	 "Cải cách hành chính, rút ngắn thời gian giải quyết công việc\n"
	 "Nâng cao chất lượng nguồn nhân lực y tế\n"
	 "Dân số, an toàn thực phẩm, dược, trang thiết bị y tế\n"
	 "Thực hành tiết kiệm, chống lãng phí, phòng chống tham nhũng, tiêu cực\n"
	 "Xây dựng đơn vị đoàn kết, kỷ cương; phát huy sáng kiến, cải tiến kỹ thuật"},
	{"CDS", "Thi đua đổi mới sáng tạo và chuyển đổi số, triển khai bệnh án "
	        "điện tử",
	 "thematic", 3, 1, 11, 30,
	 "Bệnh án điện tử ở mọi khoa lâm sàng\n"
	 "Đặt lịch khám, trả kết quả và thanh toán trực tuyến\n"
	 "Liên thông dữ liệu khám chữa bệnh bảo hiểm y tế"},
};

size_t demo_movement_count(void)
{
	return N(movements);
}

void demo_movement(size_t k, int year, struct demo_movement *m)
{
	memset(m, 0, sizeof *m);
	if (k >= N(movements))
		return;
	snprintf(m->code, sizeof m->code, "%s-%d", movements[k].prefix, year);
	m->name = movements[k].name;
	m->kind = movements[k].kind;
	m->from = date_from_ymd(year, movements[k].from_m, movements[k].from_d);
	m->to = date_from_ymd(year, movements[k].to_m, movements[k].to_d);
	m->areas = movements[k].areas;
}

void demo_decision(int year, int kind, struct demo_decision *d)
{
	/* The hospital numbers its decisions from 1 each year; titles come
	 * at the year's end. */
	static const struct {
		int number, month, day;
		const char *issuer;
	} decisions[] = {
		[DEMO_DEC_PERSONS] = {218, 12, 24, "QĐ-BV"},
		[DEMO_DEC_UNITS] = {219, 12, 24, "QĐ-BV"},
		[DEMO_DEC_WORKS] = {156, 10, 15, "QĐ-BV"},
		[DEMO_DEC_WORKS_PROVINCE] = {87, 10, 30, "QĐ-SKHCN"},
	};
	int number;

	memset(d, 0, sizeof *d);
	if (kind < 0 || (size_t)kind >= N(decisions))
		return;
	number = decisions[kind].number + 2 * (year - 2026);
	snprintf(d->number, sizeof d->number, "%d/%s",
	         number > 0 ? number : decisions[kind].number,
	         decisions[kind].issuer);
	d->date = date_from_ymd(year, decisions[kind].month, decisions[kind].day);
}

/* ---- pledges ------------------------------------------------------------- */

static const char *const commit_clinical[] = {
	"Khám, điều trị đúng phác đồ, không để xảy ra sai sót chuyên môn",
	"Thực hiện đúng quy trình kỹ thuật phục hồi chức năng",
	"Ghi chép hồ sơ bệnh án điện tử đầy đủ, đúng thời hạn",
	"Ân cần, niềm nở với người bệnh và người nhà người bệnh",
	"Bảo đảm vệ sinh tay và kiểm soát nhiễm khuẩn theo quy định",
	"Hướng dẫn người bệnh tự tập luyện tại nhà sau khi ra viện",
	"Tham gia trực đầy đủ, sẵn sàng cấp cứu người bệnh",
	"Không để người bệnh phàn nàn về thái độ phục vụ",
};
static const char *const commit_office[] = {
	"Hoàn thành đúng hạn văn bản, báo cáo được giao",
	"Giải quyết thủ tục hành chính đúng hạn, không để tồn đọng",
	"Ứng dụng chữ ký số và phần mềm quản lý văn bản",
	"Phục vụ tốt các khoa lâm sàng, cận lâm sàng",
	"Lưu trữ hồ sơ khoa học, tra cứu nhanh, chính xác",
};
static const char *const commit_all[] = {
	"Thực hiện nghiêm Quy tắc ứng xử của nhân viên y tế",
	"Chấp hành kỷ luật lao động, không đi muộn về sớm",
	"Tham gia đầy đủ các lớp đào tạo liên tục",
	"Thực hành tiết kiệm điện, nước, vật tư tiêu hao",
	"Tích cực tham gia phong trào của Công đoàn, Đoàn Thanh niên",
	"Đoàn kết, giúp đỡ đồng nghiệp hoàn thành nhiệm vụ",
};

/* Why a head returns a pledge: any pledge, and one for CSTĐCS. */
static const char *const returns[] = {
	"Cam kết còn chung chung; đề nghị bổ sung chỉ tiêu chuyên môn cụ thể "
	"của cá nhân.",
	"Chưa có cam kết thực hiện Quy tắc ứng xử; đề nghị bổ sung.",
};
static const char *const return_cstdcs =
	"Đăng ký Chiến sĩ thi đua cơ sở nhưng chưa nêu sáng kiến hay đề tài "
	"sẽ thực hiện; đề nghị bổ sung hoặc đăng ký Lao động tiên tiến.";

/* Two different phrases from pool and one from commit_all, as sentences. */
static void commitments(uint64_t *st, const char *const *pool, size_t n,
                        int cstdcs, char *out, size_t size)
{
	size_t a = (size_t)pick(st, n);
	size_t b = (a + 1 + (size_t)pick(st, n - 1)) % n;
	size_t c = (size_t)pick(st, N(commit_all));
	size_t used;

	used = (size_t)snprintf(out, size, "%s. %s. %s.", pool[a], pool[b],
	                        commit_all[c]);
	if (cstdcs && used < size)
		snprintf(out + used, size - used, " Có ít nhất 01 sáng kiến "
		         "được Hội đồng sáng kiến công nhận.");
}

/* ---- works ----------------------------------------------------------------- */

static const struct {
	const char *name, *summary;
} initiatives[] = {
	{"Bài tập thăng bằng có phản hồi sinh học cho người bệnh sau đột quỵ",
	 "Bộ bài tập và bảng theo dõi; rút ngắn thời gian tập đi độc lập."},
	{"Dụng cụ tập vận động bàn tay làm từ vật liệu tái chế",
	 "Chi phí thấp, người bệnh mang về nhà tập tiếp."},
	{"Nhắc lịch tái khám qua tin nhắn Zalo",
	 "Giảm tỷ lệ bỏ tái khám ở người bệnh ngoại trú."},
	{"Quy trình đón tiếp người bệnh một cửa tại Khoa Khám bệnh",
	 "Giảm thời gian chờ từ khi đến đến khi được khám."},
	{"Tài liệu hướng dẫn tập tại nhà cho người bệnh thoái hóa khớp gối",
	 "Tờ hướng dẫn có hình và video kèm mã QR."},
	{"Bảng kiểm bàn giao người bệnh giữa các ca trực",
	 "Không bỏ sót y lệnh khi đổi ca."},
	{"Mã QR quản lý tài sản, trang thiết bị y tế",
	 "Tra cứu lý lịch, lịch bảo dưỡng thiết bị bằng điện thoại."},
	{"Giảm té ngã ở người bệnh cao tuổi điều trị nội trú",
	 "Đánh giá nguy cơ khi nhập viện, đánh dấu giường, tập huấn người nhà."},
	{"Xông hơi thảo dược hỗ trợ điều trị đau vai gáy",
	 "Bài thuốc và quy trình xông an toàn tại khoa."},
	{"Số hóa lưu trữ hồ sơ bệnh án",
	 "Tra cứu hồ sơ cũ trong vài phút thay vì nửa ngày."},
	{"Nẹp chỉnh hình bàn chân cho trẻ bại não",
	 "Nẹp làm tại khoa, vừa từng trẻ, giá thấp."},
	{"Dự trù thuốc theo mức tiêu thụ thực tế",
	 "Giảm thuốc tồn kho và thuốc hết hạn."},
};

static const struct {
	const char *name, *summary;
} topics[] = {
	{"Đánh giá hiệu quả phục hồi chức năng nuốt ở người bệnh sau đột quỵ",
	 "Nghiên cứu can thiệp trên người bệnh điều trị nội trú."},
	{"Khảo sát sự hài lòng của người bệnh ngoại trú",
	 "Theo bộ câu hỏi của Bộ Y tế; đề xuất cải tiến."},
	{"Điện châm kết hợp kéo giãn cột sống cổ trong điều trị thoái hóa "
	 "cột sống cổ",
	 "So sánh với điều trị thường quy."},
	{"Thực trạng rối loạn phổ tự kỷ ở trẻ đến khám tại bệnh viện",
	 "Mô tả cắt ngang; đề xuất can thiệp sớm."},
	{"Kết quả phục hồi chức năng sau thay khớp gối",
	 "Theo dõi tầm vận động và chất lượng sống sau 3 và 6 tháng."},
};

#define WORKS_MAX (N(initiatives) + N(topics))
#define SALT_WORK 0x796561727776726bull

/* The number of people in unit u (1…). */
static size_t members_of(size_t u, size_t nstaff)
{
	size_t first = demo_staff_index(u, 0, nstaff);

	return first < nstaff
	               ? (nstaff - first - 1) / (demo_unit_count(nstaff) - 1) + 1
	               : 0;
}

/* One work for every fifteen people of the units with a year. */
size_t demo_work_count(size_t nstaff)
{
	size_t people = 0, n;

	for (size_t u = 1; u < year_units(nstaff); u++)
		people += members_of(u, nstaff);
	n = people / 15;
	return n < WORKS_MAX ? n : WORKS_MAX;
}

/* The authors of works 0…n-1 into authors: for each, someone of units
 * 1… who has no earlier work. */
static void work_authors(uint64_t seed, size_t n, size_t nstaff, int year,
                         size_t *authors)
{
	for (size_t k = 0; k < n; k++) {
		uint64_t st = mix(seed ^ mix((uint64_t)k ^ SALT_WORK) ^
		                  (uint64_t)year);
		for (;;) {
			size_t u = 1 + (size_t)pick(&st, year_units(nstaff) - 1);
			size_t r = (size_t)pick(&st, members_of(u, nstaff));
			size_t i = demo_staff_index(u, r, nstaff), j;
			struct demo_person d;
			if (i >= nstaff)
				continue;
			demo_person(seed, i, nstaff, &d);
			for (j = 0; j < k && authors[j] != i; j++)
				;
			if (j == k && d.start <= date_from_ymd(year, 12, 31)) {
				authors[k] = i;
				break;
			}
		}
	}
}

void demo_work(uint64_t seed, size_t k, size_t nstaff, int year,
               struct demo_work *w)
{
	/* Most works are recognised; every decision shows early on. */
	static const int fates[] = {
		DEMO_FATE_HOSPITAL, DEMO_FATE_HOSPITAL, DEMO_FATE_PROVINCE,
		DEMO_FATE_HOSPITAL, DEMO_FATE_REJECTED, DEMO_FATE_HOSPITAL,
		DEMO_FATE_PENDING,  DEMO_FATE_HOSPITAL, DEMO_FATE_PROVINCE,
		DEMO_FATE_HOSPITAL, DEMO_FATE_HOSPITAL, DEMO_FATE_REJECTED,
		DEMO_FATE_HOSPITAL, DEMO_FATE_PENDING,  DEMO_FATE_HOSPITAL,
		DEMO_FATE_PROVINCE, DEMO_FATE_HOSPITAL,
	};

	memset(w, 0, sizeof *w);
	w->author = nstaff;
	if (k >= demo_work_count(nstaff))
		return;
	/* Initiatives and topics alternate until the topics run out. */
	if (k % 3 == 2 && k / 3 < N(topics)) {
		w->kind = DEMO_WORK_RESEARCH;
		w->name = topics[k / 3].name;
		w->summary = topics[k / 3].summary;
	} else {
		size_t n = k - (k / 3 < N(topics) ? k / 3 : N(topics));
		w->kind = DEMO_WORK_INITIATIVE;
		w->name = initiatives[n % N(initiatives)].name;
		w->summary = initiatives[n % N(initiatives)].summary;
	}
	w->fate = fates[k % N(fates)];
	{
		size_t authors[WORKS_MAX];
		work_authors(seed, k + 1, nstaff, year, authors);
		w->author = authors[k];
	}
}

/* The best decision on a work of person i, or -1. */
static int best_work(uint64_t seed, size_t i, size_t nstaff, int year)
{
	static const int rank[] = {[DEMO_FATE_PENDING] = 1,
	                           [DEMO_FATE_HOSPITAL] = 2,
	                           [DEMO_FATE_PROVINCE] = 3,
	                           [DEMO_FATE_REJECTED] = 0};
	size_t authors[WORKS_MAX], n = demo_work_count(nstaff);
	int best = -1;

	work_authors(seed, n, nstaff, year, authors);
	for (size_t k = 0; k < n; k++) {
		struct demo_work w;
		if (authors[k] != i)
			continue;
		demo_work(seed, k, nstaff, year, &w);
		if (best < 0 || rank[w.fate] > rank[best])
			best = w.fate;
	}
	return best;
}

/* ---- units ------------------------------------------------------------------- */

/* Models of the base units, by code; stations share a list. */
static const struct {
	const char *unit, *model;
} unit_models[] = {
	{"BV", "Bệnh viện xanh – sạch – đẹp, lấy người bệnh làm trung tâm"},
	{"KHAMBENH", "Cải tiến quy trình khám bệnh, giảm thời gian chờ"},
	{"VLTL", "Tập phục hồi chức năng tại nhà có hướng dẫn qua video"},
	{"PHCNNHI", "Can thiệp sớm cho trẻ tự kỷ dựa vào gia đình"},
	{"YHCT", "Châm cứu kết hợp xoa bóp bấm huyệt điều trị đau cột sống"},
	{"DUOC", "Cấp phát thuốc bằng mã vạch đến tận khoa"},
	{"XNCDHA", "Trả kết quả xét nghiệm qua phần mềm, không dùng giấy"},
	{"NOITH", "Chăm sóc người bệnh toàn diện theo nhóm"},
	{"NGOAI", "Phục hồi chức năng sớm sau phẫu thuật chỉnh hình"},
	{"KSNK", "Giảm rác thải nhựa trong bệnh viện"},
	{"KHTH", "Hội chẩn từ xa với tuyến dưới"},
	{"DIEUDUONG", "Điều dưỡng đồng hành cùng người bệnh từ nhập viện đến "
	              "ra viện"},
	{"TCHC", "Số hóa hồ sơ viên chức, văn phòng không giấy"},
	{"TCKT", "Thanh toán viện phí không dùng tiền mặt"},
	{"VTTB", "Bảo dưỡng thiết bị y tế theo lịch, giảm thời gian hỏng máy"},
};
static const char *const station_models[] = {
	"Quản lý người khuyết tật tại cộng đồng",
	"Phục hồi chức năng dựa vào cộng đồng",
	"Khám sàng lọc vận động cho trẻ dưới 6 tuổi",
	"Hồ sơ sức khỏe điện tử cho người cao tuổi",
};
static const char *const unit_commitments[] = {
	"100% viên chức, người lao động đăng ký thi đua",
	"Trên 95% viên chức đạt Lao động tiên tiến",
	"Không có viên chức bị kỷ luật",
	"Có ít nhất 01 mô hình mới, cách làm hay được nhân rộng",
	"Hoàn thành vượt mức chỉ tiêu chuyên môn được giao",
	"Không để xảy ra sự cố y khoa nghiêm trọng",
	"Tỷ lệ hài lòng của người bệnh trên 95%",
};

/* ---- the year of a person and of a unit ------------------------------------ */

/* The units whose people the year's story is told through. */
#define U_KHAMBENH 1
#define U_NOITH 7

static int is_rating(const char *r, const char *want)
{
	return r != NULL && strcmp(r, want) == 0;
}

void demo_year_person(uint64_t seed, size_t i, size_t nstaff, int year,
                      struct demo_year_person *p)
{
	uint64_t st = mix(seed ^ mix((uint64_t)i ^ SALT_PERSON) ^ (uint64_t)year);
	size_t unit = demo_unit_of(i, nstaff), rank = rank_of(i, nstaff), n = 0;
	struct demo_person d;
	struct demo_unit u;
	int r, h, y, m, day, ok, cstdcs, recognised;

	memset(p, 0, sizeof *p);
	if (unit >= year_units(nstaff))
		return;
	demo_person(seed, i, nstaff, &d);
	demo_unit(unit, nstaff, &u);
	if (d.start > date_from_ymd(year, 12, 31))
		return;
	p->takes_part = 1;
	/* The board, heads and deputies all have accounts; a few others
	 * have not been given one yet. */
	r = (int)pick(&st, 100);
	p->account = unit == 0 || rank <= 1 || r < 94;
	r = (int)pick(&st, 100);
	p->pledge = !p->account ? DEMO_PLEDGE_NONE
	            : r < 4     ? DEMO_PLEDGE_NONE
	            : r < 10    ? DEMO_PLEDGE_DRAFT
	            : r < 24    ? DEMO_PLEDGE_SUBMITTED
	            : r < 42    ? DEMO_PLEDGE_ENDORSED
	            : r < 94    ? DEMO_PLEDGE_ACCEPTED
	                        : DEMO_PLEDGE_RETURNED;
	r = (int)pick(&st, 100);
	p->pledge_title = r < 16 ? "CSTDCS" : "LDTT";
	if (!strcmp(u.kind, "office"))
		commitments(&st, commit_office, N(commit_office),
		            r < 16, p->commitments, sizeof p->commitments);
	else
		commitments(&st, commit_clinical, N(commit_clinical),
		            r < 16, p->commitments, sizeof p->commitments);
	h = (int)pick(&st, N(returns));
	if (p->pledge == DEMO_PLEDGE_RETURNED)
		p->returned = r < 16 ? return_cstdcs : returns[h];

	/* The board, heads and deputies are rated HTTNV or better. */
	r = (int)pick(&st, 100);
	p->rating = r < 17 ? "HTXSNV" : r < 93 ? "HTTNV" : r < 97 ? "HTNV"
	            : r < 99 ? "KHTNV" : NULL;
	if ((unit == 0 || rank <= 1) && r >= 93)
		p->rating = "HTTNV";
	date_to_ymd(d.start, &y, &m, &day);
	p->months = y < year ? 12 : 12 - m + (day <= 15);
	for (int k = 0; k < 2; k++) {
		int whole = d.start <= date_from_ymd(year - 1 - k, 1, 31);
		int a = (int)pick(&st, 100);
		int b = (int)pick(&st, 100);
		p->held_ldtt[k] = whole && a < 88;
		p->held_cstdcs[k] = p->held_ldtt[k] && b < 14;
	}

	p->work = best_work(seed, i, nstaff, year);
	recognised = p->work == DEMO_FATE_HOSPITAL || p->work == DEMO_FATE_PROVINCE;
	/* Those whose work has a province-wide effect have been CSTĐCS for
	 * years: they are the candidates for CSTĐ cấp tỉnh. */
	for (int k = 0; k < 2 && p->work == DEMO_FATE_PROVINCE; k++)
		if (d.start <= date_from_ymd(year - 1 - k, 1, 31))
			p->held_ldtt[k] = p->held_cstdcs[k] = 1;

	/* The head proposes LĐTT for everyone rated at least HTTNV and for
	 * some rated HTNV (who then fail visibly); CSTĐCS for those rated
	 * HTXSNV or with a recognised work, and for some who pledged it
	 * without either (they fail); a Giấy khen for a few; a Bằng khen for
	 * CSTĐCS last year and this; CSTĐ cấp tỉnh for three years of it
	 * with a province-wide work. */
	ok = p->rating != NULL && !is_rating(p->rating, "KHTNV");
	r = (int)pick(&st, 100);
	if (ok && (!is_rating(p->rating, "HTNV") || r < 50))
		p->nominate[n++] = "LDTT";
	ok = ok && !is_rating(p->rating, "HTNV") && p->months >= 10;
	cstdcs = ok && (is_rating(p->rating, "HTXSNV") || recognised);
	r = (int)pick(&st, 100);
	if (cstdcs || (ok && p->pledge != DEMO_PLEDGE_NONE &&
	               !strcmp(p->pledge_title, "CSTDCS") && r < 30))
		p->nominate[n++] = "CSTDCS";
	r = (int)pick(&st, 100);
	h = (int)pick(&st, 100);
	if (ok && r < 14) {
		p->nominate[n++] = "GK";
		p->ad_hoc = h < 25;
	}
	if (cstdcs && p->held_cstdcs[0])
		p->nominate[n++] = "BK";
	if (cstdcs && p->held_cstdcs[0] && p->held_cstdcs[1] &&
	    p->work == DEMO_FATE_PROVINCE)
		p->nominate[n++] = "CSTDT";
	r = (int)pick(&st, 100);
	p->report = r < 94;

	/* Three people of Khoa Khám bệnh and Khoa Nội tổng hợp carry the
	 * year's blockers: an open complaint, a reprimand and a warning. */
	if ((unit == U_KHAMBENH && (rank == 5 || rank == 6)) ||
	    (unit == U_NOITH && rank == 4)) {
		p->rating = "HTTNV";
		p->months = 12;
		memset(p->nominate, 0, sizeof p->nominate);
		p->nominate[0] = "LDTT";
		if (p->account && p->pledge == DEMO_PLEDGE_NONE)
			p->pledge = DEMO_PLEDGE_ACCEPTED;
	}
	if (unit == U_KHAMBENH && rank == 5)
		p->complaint = 1;
	/* A reprimand or a warning is in force for 12 months. */
	if (unit == U_KHAMBENH && rank == 6) {
		p->discipline = "reprimand";
		p->discipline_reason = "Khiển trách: đi muộn, về sớm nhiều lần, "
		                       "vi phạm nội quy giờ làm việc.";
		p->discipline_from = date_from_ymd(year, 8, 14);
		p->discipline_to = date_from_ymd(year + 1, 8, 13);
	}
	if (unit == U_NOITH && rank == 4) {
		p->discipline = "warning";
		p->discipline_reason = "Cảnh cáo: không thực hiện đúng quy trình "
		                       "chuyên môn, ảnh hưởng đến người bệnh.";
		p->discipline_from = date_from_ymd(year, 9, 9);
		p->discipline_to = date_from_ymd(year + 1, 9, 8);
	}
}

/* Are all the people of unit u rated HTNV or better? */
static int members_rated(uint64_t seed, size_t u, size_t nstaff, int year)
{
	struct demo_year_person p;
	size_t i;

	for (size_t r = 0; (i = demo_staff_index(u, r, nstaff)) < nstaff; r++) {
		demo_year_person(seed, i, nstaff, year, &p);
		if (p.takes_part && (p.rating == NULL || is_rating(p.rating, "KHTNV")))
			return 0;
	}
	return 1;
}

void demo_year_unit(uint64_t seed, size_t u, size_t nstaff, int year,
                    struct demo_year_unit *y)
{
	uint64_t st = mix(seed ^ mix((uint64_t)u ^ SALT_UNIT) ^ (uint64_t)year);
	size_t members = 0, a, b;
	struct demo_unit du;
	size_t used;
	int r;

	memset(y, 0, sizeof *y);
	y->exemplars[0] = y->exemplars[1] = nstaff;
	if (u >= year_units(nstaff))
		return;
	y->takes_part = 1;
	demo_unit(u, nstaff, &du);
	while (demo_staff_index(u, members, nstaff) < nstaff)
		members++;
	y->model = station_models[u % N(station_models)];
	for (size_t k = 0; k < N(unit_models); k++)
		if (!strcmp(unit_models[k].unit, du.code))
			y->model = unit_models[k].model;
	r = (int)pick(&st, 100);
	/* The hospital aims at TTLĐXS (plan 004); a few units forget. */
	y->pledge_title = u == 0 ? "TTLDXS"
	                  : r < 8 && u != U_KHAMBENH ? NULL
	                  : r < 38 ? "TTLDXS" : "TTLDTT";
	a = (size_t)pick(&st, N(unit_commitments));
	b = (a + 1 + (size_t)pick(&st, N(unit_commitments) - 1)) %
	    N(unit_commitments);
	used = (size_t)snprintf(y->commitments, sizeof y->commitments,
	                        "%s; %s", unit_commitments[a],
	                        unit_commitments[b]);
	if (used < sizeof y->commitments)
		snprintf(y->commitments + used, sizeof y->commitments - used,
		         "; đăng ký mô hình \"%s\".", y->model);
	/* Exemplar candidates: two people who are neither head nor deputy. */
	if (u != 0 && members > 3) {
		size_t e0 = 2 + (size_t)pick(&st, members - 2);
		size_t e1 = 2 + (e0 - 2 + 1 + (size_t)pick(&st, members - 3)) %
		                    (members - 2);
		y->exemplars[0] = demo_staff_index(u, e0, nstaff);
		y->exemplars[1] = demo_staff_index(u, e1, nstaff);
	}
	r = (int)pick(&st, 100);
	y->rating = r < 35 ? "HTXSNV" : r < 95 ? "HTTNV" : "HTNV";
	/* A head proposes TTLĐXS for a unit rated HTXSNV whose members are
	 * all rated HTNV or better (and now and then without checking). */
	r = (int)pick(&st, 100);
	if (u != 0)
		y->nominate = is_rating(y->rating, "HTXSNV") &&
		                              (members_rated(seed, u, nstaff, year) ||
		                               r < 20)
		                      ? "TTLDXS"
		                      : "TTLDTT";
	r = (int)pick(&st, 100);
	y->gk = u != 0 && r < 45;
	for (int k = 0; k < 2; k++) {
		r = (int)pick(&st, 100);
		if (u != 0)
			y->held[k] = r < 25 ? "TTLDXS" : r < 85 ? "TTLDTT" : NULL;
	}
	r = (int)pick(&st, 100);
	y->model_work = u != 0 && r < 30;
	r = (int)pick(&st, 100);
	y->model_fate = r < 70 ? DEMO_FATE_HOSPITAL : DEMO_FATE_PENDING;
}

/* ---- achievement reports ---------------------------------------------------- */

static const char *const hometowns[] = {
	"Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Thái Bình", "Nam Định",
	"Quảng Bình", "Hải Dương", "Bắc Ninh", "Quảng Trị", "Hưng Yên",
};

static const char *qualification(const char *job, uint64_t r)
{
	if (!strcmp(job, "Bác sĩ"))
		return r % 2 ? "Bác sĩ chuyên khoa I Phục hồi chức năng"
		             : "Thạc sĩ Y học";
	if (!strcmp(job, "Điều dưỡng"))
		return "Cử nhân Điều dưỡng";
	if (!strcmp(job, "Kỹ thuật viên"))
		return "Cử nhân Kỹ thuật Phục hồi chức năng";
	if (!strcmp(job, "Dược sĩ"))
		return "Dược sĩ đại học";
	if (!strcmp(job, "Kế toán viên"))
		return "Cử nhân Kế toán";
	if (!strcmp(job, "Y sĩ"))
		return "Y sĩ đa khoa";
	return "Cử nhân Quản trị văn phòng";
}

void demo_report(uint64_t seed, size_t i, size_t nstaff, int year,
                 struct demo_report *r)
{
	uint64_t st = mix(seed ^ mix((uint64_t)i ^ SALT_REPORT) ^ (uint64_t)year);
	struct demo_person d;
	struct demo_unit u;
	int patients, talks;

	memset(r, 0, sizeof *r);
	demo_person(seed, i, nstaff, &d);
	demo_unit(demo_unit_of(i, nstaff), nstaff, &u);
	r->hometown = hometowns[pick(&st, N(hometowns))];
	r->qualifications = qualification(d.job_title, pick(&st, 2));
	snprintf(r->duties, sizeof r->duties, "%s%s%s, %s.", d.position,
	         d.position[0] ? " – " : "", d.job_title, u.name);
	patients = 800 + (int)pick(&st, 2400);
	talks = 2 + (int)pick(&st, 6);
	if (!strcmp(u.kind, "office"))
		snprintf(r->results, sizeof r->results,
		         "Năm %d hoàn thành đúng hạn mọi việc được giao; tham mưu "
		         "%d văn bản cho Ban Giám đốc; không để hồ sơ tồn đọng; "
		         "tổ chức %d lớp tập huấn. Cam kết không vi phạm kỷ luật.",
		         year, patients / 10, talks);
	else
		snprintf(r->results, sizeof r->results,
		         "Năm %d trực tiếp khám, điều trị và phục hồi chức năng cho "
		         "%d lượt người bệnh, không để xảy ra sai sót chuyên môn; "
		         "trình bày %d chuyên đề sinh hoạt khoa học. Cam kết không "
		         "vi phạm kỷ luật.",
		         year, patients, talks);
}

void demo_unit_report(uint64_t seed, size_t u, size_t nstaff, int year,
                      struct demo_report *r)
{
	uint64_t st = mix(seed ^ mix((uint64_t)u ^ SALT_REPORT ^ SALT_UNIT) ^
	                  (uint64_t)year);
	struct demo_unit du;
	int members = 0, percent;

	memset(r, 0, sizeof *r);
	demo_unit(u, nstaff, &du);
	while (demo_staff_index(u, (size_t)members, nstaff) < nstaff)
		members++;
	percent = 104 + (int)pick(&st, 16);
	snprintf(r->duties, sizeof r->duties, "%s: %d viên chức, người lao "
	         "động; thực hiện nhiệm vụ chuyên môn và mô hình đã đăng ký.",
	         du.name, members);
	snprintf(r->results, sizeof r->results,
	         "Năm %d hoàn thành %d%% chỉ tiêu chuyên môn; không có sự cố y "
	         "khoa nghiêm trọng; 100%% viên chức đăng ký thi đua.",
	         year, percent);
}
