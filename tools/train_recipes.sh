#!/bin/bash
# Chapter 08's runs, one after another in the background, then the table and the two shipped
# generators. Rerun it after a kill: every run resumes from its last complete epoch.
#
#   nohup tools/train_recipes.sh > runs/recipes.out 2>&1 &
#
# About 25 minutes per run on 2 CPU cores (0.19 s per step, 7,998 steps each).
cd "$(dirname "$0")/.."
export GANLIB_DATA=bundled TF_CPP_MIN_LOG_LEVEL=3
PY=${PYTHON:-.venv/bin/python}
common="--epochs 129 --batch-size 128 --noise-dim 200 --data bundled --images 8000 --seed 0 --ema 0.999"
mkdir -p runs
run() {
  name=$1; shift
  # stamps for tools/ship_reference.py's provenance: when the run started, from which commit
  [ -f runs/$name.started ] || { date -u +%Y-%m-%dT%H:%M:%SZ > runs/$name.started; git rev-parse HEAD > runs/$name.commit; }
  resume=""; [ -d runs/$name/backup ] && resume="--resume"
  $PY -m ganlib train $common "$@" --out runs/$name $resume >> runs/$name.log 2>&1 || exit 1
}
run post
run bn --batch-norm
run bn-ttur --batch-norm --d-lr 4e-4 --g-lr 1e-4
$PY tools/compare_recipes.py runs/post runs/bn runs/bn-ttur || exit 1
$PY tools/ship_reference.py runs/post --name post || exit 1
# the improved generator: the row of the table with the highest classifier score
set -- $($PY -c "
import json
rows = json.load(open('ganlib/reference/comparison.json'))['rows']
best = max(rows, key=lambda r: r['classifier_score'])
print(best['run'], '--ema' if best['ema'] else '')")
$PY tools/ship_reference.py runs/$1 --name improved $2
