# Entity model: rebuild internal/entity/model.bin from the openly licensed
# corpora in ../shared/data/ner/open (wikigold, btc, wnut17; CC BY 4.0).
# Deterministic: the same input gives the same bytes.
.PHONY: model model-eval

model:
	go run ./cmd/nertrain -out internal/entity/model.bin

# Train, then score the new model on the CoNLL-2003 dev set (testa).
model-eval:
	go run ./cmd/nertrain -out internal/entity/model.bin -dev ../shared/data/ner/conll2003-testa
