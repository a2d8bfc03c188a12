#!/usr/bin/env python3
"""Diagnosis only (the shipped model is fitted and scored by `freshears train`): would more genre-describing
features raise the classifier's package-grouped accuracy? Measures twelve candidate features on the corpus audio
with numpy (mono, 22.05 kHz, 186 ms Hann frames every 93 ms, the Welch segments' length and hop), adds them one at
a time and all together to the classifier's 39 dynamics/stereo/texture columns of models/default/features.csv, and
scores a class-balanced L2 logistic regression (the shipped model's kind) with nested, package-grouped 5-fold
cross-validation (4 seeds) and leave-one-package-out.

Needs ffmpeg and Debian's python3-numpy and python3-sklearn (apt-get install -y python3-sklearn; run with
/usr/bin/python3). Usage: /usr/bin/python3 bench/genre_feature_probe.py [CORPUS_DIR]   (default /work/corpus)
Candidates:
  flux           mean positive log-spectral change per bin between frames (50 Hz-8 kHz), power-weighted
  bassFlux       the same, 40-250 Hz
  timbreCorr     correlation of a frame's log spectrum with the one 1 s later (how static the timbre is)
  chromaChange   1 - cosine similarity of 1 s-smoothed chroma 1 s apart (harmonic movement)
  chromaEntropy  entropy of the long-term chroma (bits; tonal focus)
  chromaPeak     mean of 12 x the largest chroma share per frame
  envFlux        median |change| of a 46 ms RMS envelope (dB per 23 ms)
  envFlux90      its 90th percentile
  modRatio       envelope modulation energy 2-12 Hz over 0.2-2 Hz (dB)
  contrast       mean octave spectral contrast (90th minus 10th percentile of the log bins, 100 Hz-6.4 kHz)
  contrastLow    the same for 100-200 Hz
  contrastHigh   the same for 3.2-6.4 kHz
"""
import csv, json, os, subprocess, sys, warnings
import numpy as np

SR = 22050


def load(path):
    raw = subprocess.run(['ffmpeg', '-v', 'error', '-i', path, '-ac', '1', '-ar', str(SR), '-f', 'f32le', '-'],
                         capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.float32).astype(np.float64)


def feats(path):
    x=load(path)
    n=4096; hop=2048
    w=np.hanning(n)
    nf=(len(x)-n)//hop
    if nf<20: return None
    idx=np.arange(n)[None,:]+hop*np.arange(nf)[:,None]
    X=np.abs(np.fft.rfft(x[idx]*w,axis=1))**2  # frames x bins
    f=np.fft.rfftfreq(n,1/SR)
    band=(f>=50)&(f<=8000)
    P=X[:,band]
    tot=P.sum(1)
    loud=tot>tot.max()*1e-5
    L=10*np.log10(P+tot[:,None]*1e-9/P.shape[1]+1e-20)
    # spectral flux: positive log change per bin, mean over bins, on loud frame pairs
    d=np.diff(L,axis=0); pos=np.maximum(d,0).mean(1)
    pair=loud[1:]&loud[:-1]
    wts=tot[1:][pair]
    flux=np.average(pos[pair],weights=wts)
    # timbre stationarity over 1 s (~11 frames)
    lag=int(round(1.0*SR/hop))
    A=L[:-lag]; B=L[lag:]; ok=loud[:-lag]&loud[lag:]
    A=A-A.mean(1,keepdims=True); B=B-B.mean(1,keepdims=True)
    corr=(A*B).sum(1)/np.sqrt((A*A).sum(1)*(B*B).sum(1)+1e-20)
    timbreCorr=np.average(corr[ok],weights=tot[:-lag][ok])
    # chroma
    cb=(f>=80)&(f<=5000)
    pc=(np.round(12*np.log2(f[cb]/440.0))%12).astype(int)
    C=np.zeros((nf,12))
    for k in range(12): C[:,k]=X[:,cb][:,pc==k].sum(1)
    # smooth over 1 s
    ker=np.ones(lag)/lag
    Cs=np.apply_along_axis(lambda c: np.convolve(c,ker,'same'),0,C)
    Cn=Cs/ (np.linalg.norm(Cs,axis=1,keepdims=True)+1e-20)
    cc=(Cn[:-lag]*Cn[lag:]).sum(1)
    chromaChange=1-np.average(cc[ok],weights=tot[:-lag][ok])
    lt=C[loud].sum(0); lt=lt/lt.sum()
    chromaEntropy=-(lt*np.log2(lt+1e-20)).sum()
    # per-frame chroma peakiness (max/mean)
    Cf=C[loud]/ (C[loud].sum(1,keepdims=True)+1e-20)
    chromaPeak=np.average(Cf.max(1)*12,weights=tot[loud])
    # loudness modulation from 46 ms RMS envelope (hop 1024 -> ~46ms)
    e=np.convolve(x*x,np.ones(1024)/1024,'valid')[::512]
    edb=10*np.log10(e+1e-12)
    act=edb>edb.max()-50
    de=np.abs(np.diff(edb))[act[1:]&act[:-1]]
    envFlux=np.median(de)
    envFlux90=np.percentile(de,90)
    # modulation spectrum of envelope: energy 2-12 Hz vs 0.2-2 Hz
    ed=edb[act]; ed=ed-ed.mean()
    fs_e=SR/512
    M=np.abs(np.fft.rfft(ed))**2; fm=np.fft.rfftfreq(len(ed),1/fs_e)
    modRatio=10*np.log10(M[(fm>=2)&(fm<12)].sum()/(M[(fm>=0.2)&(fm<2)].sum()+1e-20)+1e-20)
    # spectral contrast per octave (peak vs valley, 20th/80th pct of log power in octave)
    con=[]
    for lo in [100,200,400,800,1600,3200]:
        m=(f>=lo)&(f<2*lo)
        Lb=10*np.log10(X[loud][:,m]+1e-20)
        con.append(np.mean(np.percentile(Lb,90,axis=1)-np.percentile(Lb,10,axis=1)))
    # bass flux
    bb=(f>=40)&(f<250)
    Lb=10*np.log10(X[:,bb]+1e-20); db=np.maximum(np.diff(Lb,axis=0),0).mean(1)
    bassFlux=np.average(db[pair],weights=wts)
    return dict(flux=flux,timbreCorr=timbreCorr,chromaChange=chromaChange,chromaEntropy=chromaEntropy,chromaPeak=chromaPeak,
                envFlux=envFlux,envFlux90=envFlux90,modRatio=modRatio,contrast=float(np.mean(con)),contrastLow=con[0],contrastHigh=con[-1],bassFlux=bassFlux)

def measure_all(corpus, paths, cache):
    out = json.load(open(cache)) if os.path.exists(cache) else {}
    for p in paths:
        if isinstance(out.get(p), dict):
            continue
        q = os.path.join(corpus, p)
        if not os.path.exists(q):
            q = os.path.splitext(q)[0] + '.flac'  # rendered audio is FLAC or WAV depending on RENDER_FORMAT
        try:
            out[p] = {k: float(v) for k, v in feats(q).items()}
        except Exception as ex:  # a missing or unreadable file is reported and left out
            out[p] = str(ex)
        print(p, out[p] if isinstance(out[p], str) else 'ok', file=sys.stderr)
        json.dump(out, open(cache, 'w'))
    return out


def main():
    warnings.filterwarnings('ignore')
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut, StratifiedGroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    corpus = sys.argv[1] if len(sys.argv) > 1 else '/work/corpus'
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    table = list(csv.DictReader(open(os.path.join(root, 'models/default/features.csv'))))
    new = measure_all(corpus, [r['path'] for r in table], os.environ.get('PROBE_CACHE', '/tmp/genre_feature_probe.json'))
    rows = [r for r in table if r['split'] == 'train' and isinstance(new.get(r['path']), dict)]
    base = [c for c in rows[0] if c not in ('genre', 'group', 'path', 'split')
            and not c.startswith('band.') and not c.startswith('third.') and c != 'tiltDbPerOctave']
    names = list(next(v for v in new.values() if isinstance(v, dict)))
    y = np.array([r['genre'] for r in rows])
    g = np.array([r['group'] for r in rows])

    def matrix(extra):
        return np.array([[float(r[c]) if r[c] not in ('', 'NaN', 'null') else np.nan for c in base]
                         + [new[r['path']][k] for k in extra] for r in rows], dtype=float)

    def model(c):
        return make_pipeline(SimpleImputer(strategy='median'), StandardScaler(),
                             LogisticRegression(C=c, max_iter=3000, class_weight='balanced'))

    def nested(x, seed):  # the penalty is chosen inside each outer fold's training packages only
        pred = np.empty(len(y), dtype=object)
        for tr, te in StratifiedGroupKFold(5, shuffle=True, random_state=seed).split(x, y, g):
            best = None
            for c in (0.01, 0.03, 0.1, 0.3, 1):
                hits = 0
                for a, b in StratifiedGroupKFold(5, shuffle=True, random_state=seed + 1).split(x[tr], y[tr], g[tr]):
                    hits += (model(c).fit(x[tr][a], y[tr][a]).predict(x[tr][b]) == y[tr][b]).sum()
                if best is None or hits > best[0]:
                    best = (hits, c)
            pred[te] = model(best[1]).fit(x[tr], y[tr]).predict(x[te])
        return (pred == y).mean()

    def lopo(x, c):
        pred = np.empty(len(y), dtype=object)
        for tr, te in LeaveOneGroupOut().split(x, y, g):
            pred[te] = model(c).fit(x[tr], y[tr]).predict(x[te])
        return (pred == y).mean()

    # Learning curve over productions (a package within a genre): each production is held out in turn and the
    # model is trained on at most m other productions per genre (random, 5 seeds), base features only.
    import collections
    import random
    prod = np.array([r['group'] + '/' + r['genre'] for r in rows])
    by_genre = collections.defaultdict(list)
    for u in sorted(set(prod)):
        by_genre[u.split('/')[1]].append(u)
    xb = matrix([])
    print('productions per genre:', {k: len(v) for k, v in sorted(by_genre.items())})
    for m in (1, 2, 3, 4, 99):
        accs = []
        for seed in range(5):
            rnd, hit, tot = random.Random(seed), 0, 0
            for held in sorted(set(prod)):
                chosen = []
                for units in by_genre.values():
                    cand = [u for u in units if u.split('/')[0] != held.split('/')[0]]
                    rnd.shuffle(cand)
                    chosen += cand[:m]
                tr, te = np.isin(prod, chosen), prod == held
                hit += (model(0.03).fit(xb[tr], y[tr]).predict(xb[te]) == y[te]).sum()
                tot += te.sum()
            accs.append(hit / tot)
        print(f'trained on at most {m if m < 99 else "all"} other productions per genre: {np.mean(accs) * 100:.1f} % of tracks')

    sets = {'base': []}
    sets.update({'+' + k: [k] for k in names})
    sets['+all'] = names
    print(f'{len(rows)} training tracks, {len(set(g))} packages, {len(base)} base features')
    for name, extra in sets.items():
        x = matrix(extra)
        accs = [nested(x, s) for s in range(4)]
        print(f'{name:15s} nested 5-fold {np.mean(accs) * 100:5.1f} % (seeds: {" ".join(f"{a * 100:.0f}" for a in accs)})'
              f'   leave-one-package-out C=0.03 {lopo(x, 0.03) * 100:5.1f} %, C=0.1 {lopo(x, 0.1) * 100:5.1f} %')


if __name__ == '__main__':
    main()
