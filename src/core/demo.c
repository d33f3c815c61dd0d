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
