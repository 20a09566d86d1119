-- The CRM sample: members (with their WeChat openid and a phone hash) and their orders.
-- crm.sqlite is built from this file: sqlite3 crm.sqlite < crm.sql
CREATE TABLE members (
    member_no TEXT PRIMARY KEY,
    openid TEXT,
    phone_hash TEXT,
    tier TEXT,
    city TEXT,
    joined_at TEXT
);
INSERT INTO members VALUES
    ('M1001', 'oA_9f2', 'ph_5e1a', '金卡', '上海', '2024-06-01 10:00:00'),
    ('M1002', 'oB_71c', 'ph_77b0', '普通', '杭州', '2024-10-20 18:30:00'),
    ('M1003', NULL, 'ph_c3d4', '银卡', '北京', '2024-08-15 09:00:00');
CREATE TABLE orders (
    order_no TEXT PRIMARY KEY,
    phone_hash TEXT,
    paid_at TEXT,
    amount REAL,
    store TEXT
);
INSERT INTO orders VALUES
    ('SO-0001', 'ph_5e1a', '2024-11-04 10:20:00', 259.0, '上海南京西路店'),
    ('SO-0002', 'ph_77b0', '2024-11-04 12:45:00', 88.5, '杭州湖滨店'),
    ('SO-0003', 'ph_5e1a', '2024-11-05 19:05:00', 'n/a', '上海南京西路店');
