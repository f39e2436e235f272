// Package eval holds the evaluation metrics that `tidings eval` reports
// and tests reuse, computed as ../shared/tools/score.py computes them.
package eval

// BCubed scores a clustering against gold clusters, both given as item →
// cluster: each item's precision is the share of its predicted cluster in
// its gold cluster, its recall the share of its gold cluster in its
// predicted one, averaged over the items of gold. It also returns how
// many gold and predicted clusters there are.
func BCubed(gold, pred map[string]string) (precision, recall float64, goldClusters, predClusters int) {
	if len(gold) == 0 {
		return 0, 0, 0, 0
	}
	gm, pm := map[string][]string{}, map[string][]string{}
	for id, g := range gold {
		gm[g] = append(gm[g], id)
		pm[pred[id]] = append(pm[pred[id]], id)
	}
	for id, g := range gold {
		p := pred[id]
		inter := 0
		for _, other := range pm[p] {
			if gold[other] == g {
				inter++
			}
		}
		precision += float64(inter) / float64(len(pm[p]))
		recall += float64(inter) / float64(len(gm[g]))
	}
	n := float64(len(gold))
	return precision / n, recall / n, len(gm), len(pm)
}
