#!/bin/bash
# Chapter 09's conditional GAN, in the background, then shipped as pretrained "conditional".
# Rerun it after a kill: the run resumes from its last complete epoch.
#
#   nohup tools/train_conditional.sh > runs/conditional.out 2>&1 &
#
# About 50 minutes on 2 CPU cores (0.22–0.24 s per step, 200 epochs × 62 steps = 12,400 steps).
cd "$(dirname "$0")/.."
export GANLIB_DATA=bundled TF_CPP_MIN_LOG_LEVEL=3
PY=${PYTHON:-.venv/bin/python}
name=conditional
mkdir -p runs
[ -f runs/$name.started ] || { date -u +%Y-%m-%dT%H:%M:%SZ > runs/$name.started; git rev-parse HEAD > runs/$name.commit; }
resume=""; [ -d runs/$name/backup ] && resume="--resume"
$PY -m ganlib train --conditional --batch-norm --ema 0.999 --epochs 200 --batch-size 128 --noise-dim 200 \
  --data bundled --images 8000 --seed 0 --out runs/$name $resume >> runs/$name.log 2>&1 || exit 1
# ship the moving average: at the last epoch it read the digit asked for more often than the
# generator itself (98.7 % against 98.2 % of 1,000 samples) and scored higher (9.85 against 9.76)
$PY tools/ship_reference.py runs/$name --name $name --ema || exit 1
