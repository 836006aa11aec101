"""A test environment's own secrets and files: a run reads only these, never the portal's environment
or files (issue 68, item 1; conformance/portal/sealing.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0011_compact_states'),
    ]

    operations = [
        migrations.AddField(
            model_name='environment',
            name='secrets',
            field=models.JSONField(blank=True, default=dict, verbose_name='秘密（変数名と値）'),
        ),
        migrations.CreateModel(
            name='EnvironmentFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=500, verbose_name='ファイル名（相対パス）')),
                ('data', models.BinaryField(verbose_name='内容')),
                ('size', models.PositiveIntegerField(default=0, verbose_name='大きさ')),
                ('uploaded', models.DateTimeField(auto_now_add=True, verbose_name='登録日時')),
                ('environment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='portal.environment', verbose_name='テスト環境')),
            ],
            options={
                'verbose_name': 'テスト環境のファイル',
                'verbose_name_plural': 'テスト環境のファイル',
                'constraints': [models.UniqueConstraint(fields=('environment', 'name'), name='one_environment_file_name')],
            },
        ),
    ]
