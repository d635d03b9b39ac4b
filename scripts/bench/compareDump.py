# Checks a benchmark dump (npm run bench -- --dump DIR) outside JavaScript: recomputes the
# production coder's summed objective and its KKT conditions in double precision with numpy, and
# codes evenly spaced rows again with an independent solver, scikit-learn's coordinate-descent
# Lasso (positive=True), to compare objectives on identical data.
# Usage: python3 scripts/bench/compareDump.py DIR [rows]   (Debian: apt install python3-numpy python3-sklearn)
import json, sys, time
import numpy as np
d = sys.argv[1]
X = np.load(f'{d}/states.npy').astype(np.float64)      # [n, hidden]
Phi = np.load(f'{d}/dictionary.npy').astype(np.float64) # [hidden, K]
A = np.load(f'{d}/codes.npy').astype(np.float64)        # [n, K]
meta = json.load(open(f'{d}/meta.json'))
lam = meta['lambda']
def objective(X, A):
    R = X - A @ Phi.T
    return 0.5 * (R * R).sum(axis=1) + lam * np.abs(A).sum(axis=1)
f_prod = objective(X, A)
print('rows', X.shape[0], 'production objective (numpy)', f_prod.sum(), 'meta', meta['productionObjective'], 'rel diff', (f_prod.sum() - meta['productionObjective']) / meta['productionObjective'])
print('codes non-negative:', (A >= 0).all(), 'mean active', (A > 0).sum(1).mean())
# KKT from the residual, in double precision: off the support g_k + λ ≥ 0, on it = 0.
G = (A @ Phi.T - X) @ Phi
xn = np.linalg.norm(X, axis=1, keepdims=True)
on = A > 0
print('KKT: max |g+λ|/‖x‖ on support', (np.abs(G + lam) * on / xn).max(), '; max −(g+λ)/‖x‖ off support', (np.maximum(0, -(G + lam)) * ~on / xn).max())
try:
    from sklearn.linear_model import Lasso
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    idx = np.linspace(0, X.shape[0] - 1, m).astype(int)
    t = time.time()
    f_sk = []
    for i in idx:
        h = X.shape[1]
        model = Lasso(alpha=lam / h, positive=True, fit_intercept=False, max_iter=100000, tol=1e-10)
        model.fit(Phi, X[i])
        f_sk.append(objective(X[i:i+1], model.coef_[None, :])[0])
    f_sk = np.array(f_sk)
    print(f'scikit-learn Lasso(positive=True), coordinate descent, {m} rows in {time.time() - t:.1f} s: Σ(production − sklearn)/Σ sklearn =', (f_prod[idx].sum() - f_sk.sum()) / f_sk.sum(), '; worst row', ((f_prod[idx] - f_sk) / f_sk).max())
except ImportError as e:
    print('no scikit-learn', e)
