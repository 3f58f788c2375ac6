DELETE FROM t WHERE id > 1;
CREATE INDEX t_name ON t (name);
