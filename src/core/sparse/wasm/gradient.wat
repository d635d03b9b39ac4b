;; The active-set coder's full gradient, g = Gα − b, over all K atoms with 128-bit SIMD, and the
;; atoms that violate optimality (g_k < threshold and not blocked) listed in the same pass.
;; Compiled by `npm run build:wasm` into gradientModule.ts. Memory is the caller's; rows of G
;; are `stride` floats long, stride a multiple of 16, and every padded entry of b is −∞ so that
;; padded atoms never qualify.
(module
  (import "env" "memory" (memory 1))
  ;; Arguments are byte offsets into memory, but count (support size) and stride (floats).
  ;; rows[j]: byte offset of the row of G of the j-th support atom; coef[j]: its α (f32).
  ;; Returns how many atoms were written to list.
  (func (export "gradient")
    (param $g i32) (param $b i32) (param $rows i32) (param $coef i32) (param $count i32)
    (param $stride i32) (param $blocked i32) (param $threshold f32) (param $list i32)
    (result i32)
    (local $kb i32) (local $end i32) (local $j i32) (local $r i32) (local $c v128) (local $t v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $found i32) (local $k i32) (local $last i32)
    (local.set $end (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $t (f32x4.splat (local.get $threshold)))
    (block $done (loop $chunks
      (br_if $done (i32.ge_u (local.get $kb) (local.get $end)))
      ;; a = −b over 16 atoms, then a += α_j·G[P_j, k..k+16) for every support atom j.
      (local.set $a0 (f32x4.neg (v128.load offset=0 (i32.add (local.get $b) (local.get $kb)))))
      (local.set $a1 (f32x4.neg (v128.load offset=16 (i32.add (local.get $b) (local.get $kb)))))
      (local.set $a2 (f32x4.neg (v128.load offset=32 (i32.add (local.get $b) (local.get $kb)))))
      (local.set $a3 (f32x4.neg (v128.load offset=48 (i32.add (local.get $b) (local.get $kb)))))
      (local.set $j (i32.const 0))
      (block $rowsDone (loop $rowLoop
        (br_if $rowsDone (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $r (i32.add (i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))) (local.get $kb)))
        (local.set $c (f32x4.splat (f32.load (i32.add (local.get $coef) (i32.shl (local.get $j) (i32.const 2))))))
        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $c) (v128.load offset=0 (local.get $r)))))
        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $c) (v128.load offset=16 (local.get $r)))))
        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $c) (v128.load offset=32 (local.get $r)))))
        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $c) (v128.load offset=48 (local.get $r)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rowLoop)))
      (v128.store offset=0 (i32.add (local.get $g) (local.get $kb)) (local.get $a0))
      (v128.store offset=16 (i32.add (local.get $g) (local.get $kb)) (local.get $a1))
      (v128.store offset=32 (i32.add (local.get $g) (local.get $kb)) (local.get $a2))
      (v128.store offset=48 (i32.add (local.get $g) (local.get $kb)) (local.get $a3))
      ;; Most chunks hold no violator: look at single atoms only when one lane is below threshold.
      (if (v128.any_true (v128.or
            (v128.or (f32x4.lt (local.get $a0) (local.get $t)) (f32x4.lt (local.get $a1) (local.get $t)))
            (v128.or (f32x4.lt (local.get $a2) (local.get $t)) (f32x4.lt (local.get $a3) (local.get $t)))))
        (then
          (local.set $k (i32.shr_u (local.get $kb) (i32.const 2)))
          (local.set $last (i32.add (local.get $k) (i32.const 16)))
          (block $scanned (loop $scan
            (br_if $scanned (i32.ge_u (local.get $k) (local.get $last)))
            (if (i32.and
                  (f32.lt (f32.load (i32.add (local.get $g) (i32.shl (local.get $k) (i32.const 2)))) (local.get $threshold))
                  (i32.eqz (i32.load8_u (i32.add (local.get $blocked) (local.get $k)))))
              (then
                (i32.store (i32.add (local.get $list) (i32.shl (local.get $found) (i32.const 2))) (local.get $k))
                (local.set $found (i32.add (local.get $found) (i32.const 1)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $scan)))))
      (local.set $kb (i32.add (local.get $kb) (i32.const 64)))
      (br $chunks)))
    (local.get $found)))
