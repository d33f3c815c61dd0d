#!/bin/sh
# make run: creates the demo hospital in $2 (once; it is kept between runs),
# starts its private laureld and opens laurel on it.
set -eu
build=$1
store=$2
bin=$(cd "$build" && pwd)

if [ ! -e "$store/data.mdb" ]; then
	mkdir -p "$(dirname "$store")"
	"$bin/laureld" demo --store "$store"
fi
store=$(cd "$store" && pwd)
conf=$(dirname "$store")/demo.conf
if [ ! -e "$conf" ]; then
	printf '[hospital]\nname = Bệnh viện Phục hồi chức năng tỉnh\n' >"$conf"
fi
export LAUREL_CONFIG="$conf"

# A private server left by an older build would answer with old code.
if [ -S "$store/laureld.sock" ]; then
	pkill -f "laureld serve --store $store " 2>/dev/null || true
	sleep 0.3
fi

cat <<TXT

  laurel demo hospital — $store
  Every account's password: laurel-demo-2026

    login        role
    quantri      administrator (Phòng Tổ chức – Hành chính)
    giamdoc      director, council chair
    phogiamdoc   deputy director, council member
    thuky        council secretary (head of TCHC)
    truongkhoa   head of Khoa Khám bệnh, council member
    nhanvien     staff (Khoa Khám bệnh)
    nv00004      any other staff member: the staff code in lower case
                 (nv00004 heads Khoa Vật lý trị liệu – Phục hồi chức năng)

  The emulation year of the demo's date is open: the 2026 rulebook,
  movements, pledges in every state, ratings, initiatives, titles held in
  the two previous years and the heads' nominations with their verdicts;
  the council's term with a closed round and an open one (phogiamdoc and
  truongkhoa have candidates to score), a signed decision paid from the
  fund, a published draft with a complaint, a forwarded dossier;
  exemplars at every stage, models, an honouring event and last month's
  exemplar sent to the Department of Health.
  laurel opens on the login screen; log in with any account above.
  From another terminal, the command line works on the same store:
    $bin/laurel --store $store --user truongkhoa staff list
    $bin/laurel --store $store --user quantri unit list
    $bin/laurel --store $store --user quantri exemplar targets $(date +%Y) --short
    $bin/laurel --store $store --user quantri audit log
    $bin/laurel --store $store --user giamdoc report decision QD-$(date +%Y)-001 --format pdf -o qd.pdf
    $bin/laurel help

TXT
# The private server: it stops by itself an hour after the last client.
nohup "$bin/laureld" serve --store "$store" --socket "$store/laureld.sock" \
	--idle-exit 3600 >/dev/null 2>&1 &
i=0
while [ ! -S "$store/laureld.sock" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
echo "  laureld is serving $store (pid $!)."
if [ -t 0 ] && [ -t 1 ]; then
	exec "$bin/laurel" --store "$store" --user quantri
fi
