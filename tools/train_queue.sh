#!/bin/bash
# Chapter 08's seed runs, one after another in the background, resumable:
#
#   nohup tools/train_queue.sh tools/recipes-seeds.txt > runs/queue.out 2>&1 &
#
# The queue file holds one run a line, "NAME ARGS…" (ARGS added to the common ones below); lines
# may be appended while it runs: the file is read again before each run. A finished run leaves
# runs/NAME.done; a killed one (or the whole queue, killed) resumes from its last complete epoch
# when the queue is started again; a run that fails with an error is marked runs/NAME.failed and
# skipped (delete that file to retry it).
# About an hour per run on this 2-core CPU with nothing else running (25 s per epoch of 62 steps,
# checkpoints included; 129 epochs, 7,998 steps), up to twice that beside other work.
cd "$(dirname "$0")/.."
export GANLIB_DATA=bundled TF_CPP_MIN_LOG_LEVEL=3
PY=${PYTHON:-.venv/bin/python}
queue=${1:?usage: tools/train_queue.sh QUEUE_FILE}
common="--epochs 129 --batch-size 128 --noise-dim 200 --data bundled --images 8000 --ema 0.999"
mkdir -p runs
while true; do
  line=$(grep -v '^#' "$queue" | while read -r name args; do
    [ -n "$name" ] && [ ! -f "runs/$name.done" ] && [ ! -f "runs/$name.failed" ] && { echo "$name $args"; break; }
  done)
  [ -z "$line" ] && { echo "queue done $(date -u +%FT%TZ)"; exit 0; }
  set -- $line; name=$1; shift
  [ -f runs/$name.started ] || { date -u +%Y-%m-%dT%H:%M:%SZ > runs/$name.started; git rev-parse HEAD > runs/$name.commit; }
  resume=""; [ -d runs/$name/backup ] && resume="--resume"
  echo "$(date -u +%FT%TZ) $name $* $resume"
  $PY -m ganlib train $common "$@" --out runs/$name $resume >> runs/$name.log 2>&1
  rc=$?
  if [ $rc = 0 ]; then
    date -u +%Y-%m-%dT%H:%M:%SZ > runs/$name.done
  elif [ $rc -gt 128 ] || tail -n 3 runs/$name.log | grep -q "is in use by"; then
    # killed, or another queue is training it: stop here; starting the queue again resumes it
    echo "$name stopped (exit $rc); start the queue again to resume it"; exit $rc
  else
    echo "$name failed (runs/$name.log)"; touch runs/$name.failed
  fi
done
