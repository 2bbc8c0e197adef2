DROP TABLE ${schema}.chain_probe;
